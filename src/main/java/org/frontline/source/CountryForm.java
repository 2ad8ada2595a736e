package org.frontline.source;

import org.frontline.model.Countries;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The form a source writes countries in, both ways against the common model's ISO alpha-3. The
 * vocabularies name their source's form; the write direction ({@link #code}) fails on a country the
 * form cannot express, the read direction ({@link #read}, {@link #readAll}) never throws.
 */
public enum CountryForm {

    /**
     * ISO alpha-3 (ICAO-only codes such as D are read as their ISO country). A code we do not know is
     * kept as stored: dropping it from a "visible to" list would widen the list.
     */
    ALPHA3("alpha-3", alpha3 -> alpha3.length() == 3 ? alpha3 : null,
            code -> Objects.requireNonNullElse(Countries.canonical(code), code)),

    /** ISO alpha-2; a code without an alpha-3 equivalent reads as null. */
    ALPHA2("alpha-2", Countries::alpha3ToAlpha2, Countries::alpha2ToAlpha3),

    /** ICAO Doc 9303 codes (alpha-3, but D for Germany); a code ICAO does not define reads as null. */
    ICAO("ICAO", Countries::alpha3ToIcao, Countries::icaoToAlpha3);

    private final String label;
    /** The canonical alpha-3 country to this form; null when the form has no code for it. */
    private final UnaryOperator<String> toSource;
    /** A trimmed, non-null source code to alpha-3; null when unknown (ALPHA3: kept as stored). */
    private final UnaryOperator<String> toCommon;

    CountryForm(String label, UnaryOperator<String> toSource, UnaryOperator<String> toCommon) {
        this.label = label;
        this.toSource = toSource;
        this.toCommon = toCommon;
    }

    /** Write path: a common country (alpha-3 or ICAO) to this form; fails on one it cannot express. */
    public String code(String alpha3) {
        String code = query(alpha3);
        if (code == null) {
            throw new IllegalArgumentException("no " + label + " code for country '" + alpha3 + "'");
        }
        return code;
    }

    /** Query path: a common country to this form; null when the form has none (the source cannot hold it). */
    public String query(String alpha3) {
        String canonical = Countries.canonical(alpha3);
        return canonical == null ? null : toSource.apply(canonical);
    }

    /** Read path: a source code to alpha-3; null stays null. Never throws. */
    public String read(String code) {
        return code == null ? null : toCommon.apply(code.trim());
    }

    /** Read path: every code of a list to alpha-3, in order and each once, dropping those read as null. */
    public Set<String> readAll(Collection<String> codes) {
        Set<String> out = new LinkedHashSet<>();
        if (codes != null) {
            codes.stream().filter(Objects::nonNull).filter(c -> !c.isBlank()).map(this::read)
                    .filter(Objects::nonNull).forEach(out::add);
        }
        return out;
    }
}
