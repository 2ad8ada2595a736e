package org.frontline.match;

/**
 * One part of a normalised person name.
 *
 * @param text        lower-case ASCII letters and digits, never empty
 * @param particle    a connector or article (al, bin, van, de la...) that carries little identity
 * @param unvocalised transliterated from a script that usually omits short vowels (Arabic, Hebrew,
 *                    Thaana), so its vowels are unreliable evidence
 */
public record NamePart(String text, boolean particle, boolean unvocalised) {

    public NamePart {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a name part needs text");
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
