package org.frontline.match;

import org.frontline.model.PartialDate;
import org.frontline.model.PersonQuery;
import org.frontline.model.PersonRecord;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A first, deliberately simple matcher: names folded to lower-case ASCII, tokens aligned in any
 * order by Jaro-Winkler, the best over the record's name and aliases; date of birth and nationality
 * nudge the score. The transliteration-aware matcher replaces it.
 */
public final class SimplePersonMatcher implements PersonMatcher {

    @Override
    public String searchKey(String name) {
        return String.join(" ", tokens(name));
    }

    @Override
    public NameMatch score(PersonQuery query, PersonRecord candidate) {
        List<String> queryTokens = tokens(query.name());
        double best = 0;
        String bestName = candidate.fullName();
        List<String> names = new ArrayList<>();
        names.add(candidate.fullName());
        names.addAll(candidate.aliases());
        for (String name : names) {
            double s = tokenSimilarity(queryTokens, tokens(name));
            if (s > best) {
                best = s;
                bestName = name;
            }
        }
        List<String> reasons = new ArrayList<>();
        reasons.add(String.format(Locale.ROOT, "name similarity %.2f with %s", best,
                bestName.equals(candidate.fullName()) ? "the recorded name" : "a recorded alias"));
        double score = best;
        PartialDate queried = query.dateOfBirth();
        PartialDate recorded = candidate.dateOfBirth();
        if (queried != null && recorded != null) {
            if (queried.compatibleWith(recorded)) {
                score = Math.min(1.0, score + (queried.isFullDate() && recorded.isFullDate() ? 0.05 : 0.02));
                reasons.add("date of birth " + (queried.isFullDate() && recorded.isFullDate() ? "equal" : "compatible"));
            } else {
                score = score * 0.7;
                reasons.add("date of birth differs");
            }
        }
        if (query.nationality() != null && candidate.nationality() != null) {
            if (query.nationality().equals(candidate.nationality())) {
                reasons.add("nationality equal");
            } else {
                score = score * 0.9;
                reasons.add("nationality differs");
            }
        }
        return new NameMatch(score, reasons);
    }

    static List<String> tokens(String name) {
        if (name == null) {
            return List.of();
        }
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .trim();
        return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
    }

    /** Each query token takes its best record token; missing record tokens cost less than wrong ones. */
    static double tokenSimilarity(List<String> query, List<String> record) {
        if (query.isEmpty() || record.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (String q : query) {
            double best = 0;
            for (String r : record) {
                best = Math.max(best, jaroWinkler(q, r));
            }
            sum += best;
        }
        double coverage = sum / query.size();
        double extra = Math.max(0, record.size() - query.size()) * 0.03;
        return Math.max(0, coverage - extra);
    }

    static double jaroWinkler(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
        boolean[] aMatched = new boolean[a.length()];
        boolean[] bMatched = new boolean[b.length()];
        int matches = 0;
        for (int i = 0; i < a.length(); i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(b.length() - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!bMatched[j] && a.charAt(i) == b.charAt(j)) {
                    aMatched[i] = true;
                    bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int transpositions = 0;
        for (int i = 0, j = 0; i < a.length(); i++) {
            if (aMatched[i]) {
                while (!bMatched[j]) {
                    j++;
                }
                if (a.charAt(i) != b.charAt(j)) {
                    transpositions++;
                }
                j++;
            }
        }
        double m = matches;
        double jaro = (m / a.length() + m / b.length() + (m - transpositions / 2.0) / m) / 3.0;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(a.length(), b.length())) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
