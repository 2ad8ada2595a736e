package org.frontline.source;

import org.frontline.model.Countries;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The form a source writes countries in, both ways against the common model's ISO alpha-3 (the
 * explicit mappings of codes beyond ISO are in {@link Countries}). The vocabularies name their
 * source's form.
 *
 * <ul>
 *   <li>Write ({@link #code}) fails on a country the form cannot express.</li>
 *   <li>Query ({@link #queryForms}): every code the source might hold for a country (GBR in ICAO
 *   form: GBR, GBD, GBN, GBO, GBP, GBS; DEU: DEU and D; RKS in alpha-2: XK), so that a stored value
 *   is found whichever of them the source's clerk wrote, and a source is asked even for a country
 *   its form has no code of its own for.</li>
 *   <li>Read ({@link #read}) one country, never throws.</li>
 *   <li>Read a restriction list ({@link #readList}): fail closed, see {@link VisibleTo}.</li>
 * </ul>
 */
public enum CountryForm {

    /**
     * ISO alpha-3 (ICAO-only codes such as D are read as their ISO country). A single code we do
     * not know is kept as stored.
     */
    ALPHA3("alpha-3", alpha3 -> alpha3.length() == 3 ? alpha3 : null,
            code -> Objects.requireNonNullElse(Countries.canonical(code), code), Countries::alpha3Forms),

    /** ISO alpha-2, plus UK, EL, XK, EU and UN (see {@link Countries}); a code without an alpha-3 equivalent reads as null. */
    ALPHA2("alpha-2", Countries::alpha3ToAlpha2, Countries::alpha2ToAlpha3, Countries::alpha2Forms),

    /** ICAO Doc 9303 codes (alpha-3, but D for Germany); a code ICAO does not define reads as null. */
    ICAO("ICAO", Countries::alpha3ToIcao, Countries::icaoToAlpha3, Countries::alpha3Forms);

    private final String label;
    /** The canonical alpha-3 country to this form; null when the form has no code for it. */
    private final UnaryOperator<String> toSource;
    /** A trimmed, upper-case, non-null source code to alpha-3; null when unknown (ALPHA3: kept as stored). */
    private final UnaryOperator<String> toCommon;
    /** Every code of this form that reads as a canonical country. */
    private final Function<String, Set<String>> forms;

    CountryForm(String label, UnaryOperator<String> toSource, UnaryOperator<String> toCommon,
                Function<String, Set<String>> forms) {
        this.label = label;
        this.toSource = toSource;
        this.toCommon = toCommon;
        this.forms = forms;
    }

    /** Write path: a common country (alpha-3 or ICAO) to this form; fails on one it cannot express. */
    public String code(String alpha3) {
        String code = query(alpha3);
        if (code == null) {
            throw new IllegalArgumentException("no " + label + " code for country '" + alpha3 + "'");
        }
        return code;
    }

    /** The code this form writes for a common country; null when the form has none. */
    public String query(String alpha3) {
        String canonical = Countries.canonical(alpha3);
        return canonical == null ? null : toSource.apply(canonical);
    }

    /**
     * Query path: every code the source might hold for a common country, the one it writes first.
     * Empty only when no code of this form names the country (in alpha-2: stateless, refugee and
     * organisation codes); connectors still ask the source then (see {@link SqlSupport#documents}).
     */
    public List<String> queryForms(String alpha3) {
        Set<String> all = new LinkedHashSet<>();
        String written = query(alpha3);
        if (written != null) {
            all.add(written);
        }
        String canonical = Countries.canonical(alpha3);
        if (canonical != null) {
            all.addAll(forms.apply(canonical));
        }
        return List.copyOf(all);
    }

    /** Read path: a source code to alpha-3; null stays null. Never throws. */
    public String read(String code) {
        return code == null ? null : toCommon.apply(code.trim().toUpperCase(Locale.ROOT));
    }

    /**
     * Read path of a restriction list that is present (the caller decides what an absent list, SQL
     * NULL, means for its schema): the states it names, and how many of its entries name no state we
     * know. An entry that is null, blank, unknown, or a code that names no state (XXA, UNO, EUE...),
     * is unreadable, and so is a list without entries (it names nobody, and no schema documents an
     * empty list). Europol's {@code EU} (alpha-2) names every EU member state. Never throws.
     */
    public VisibleTo readList(Collection<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return VisibleTo.unreadable(1);
        }
        Set<String> states = new LinkedHashSet<>();
        int unreadable = 0;
        for (String raw : codes) {
            String code = raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
            if (this == ALPHA2 && "EU".equals(code)) {
                states.addAll(Countries.EU_MEMBER_STATES);
                continue;
            }
            String country = code.isEmpty() ? null : Countries.canonical(toCommon.apply(code));
            if (Countries.isState(country)) {
                states.add(country);
            } else {
                unreadable++;
            }
        }
        return new VisibleTo(states, unreadable);
    }
}
