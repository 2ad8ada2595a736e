package org.frontline.match;

import org.frontline.model.PersonQuery;
import org.frontline.model.Countries;
import org.frontline.model.PartialDate;
import org.frontline.model.PersonRecord;
import org.frontline.model.Sex;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-process person matcher.
 *
 * <h2>Why names are hard here</h2>
 * One person reaches our sources as Mohammed, Muhammad or Mohamed; as Юрий Щербаков, Yuriy
 * Shcherbakov or Iouri Chtcherbakov; family name first or last; with or without a middle name or a
 * patronymic; with a clerk's typo. A missed match lets a wanted person walk away, and a flood of
 * false alerts teaches officers to ignore the answer, so the score has to tell "a different
 * spelling of the same name" from "a similar-looking different name" (Hassan is not Hussein,
 * Mahmoud is not Muhammad) and "a part left out" from "a part that contradicts".
 *
 * <h2>How</h2>
 * <ol>
 * <li>Both names go through {@link NameNormaliser}: romanised with name-specific ICU transforms,
 * ASCII, honorifics dropped, abd compounds joined, particles flagged. Results are cached per string.</li>
 * <li>Each part becomes a {@link Token} carrying its keys and its weight as evidence: a rare part
 * weighs 1, a very common one (Mohammed, Ali, Khan, Wang, Kim) 0.6, an initial 0.35, a particle
 * 0.2, and a pair of particles counts only when the parts they introduce agree too (al, bin, van never
 * agree on their own); the record's family-name parts weigh more when the record says which they are.</li>
 * <li>{@link TokenSimilarity} compares every query part with every record part: equal, known
 * equivalent (a resource table), same transliteration skeleton, same consonants against an
 * unvocalised script, same Double Metaphone code, or mere spelling distance.</li>
 * <li>Order does not matter: the {@link Assignment} (Hungarian method) picks the one-to-one
 * pairing with the greatest weighted similarity; pairs below a cutoff are not paired. Parts written
 * together on one side and apart on the other (Jinping / Jin Ping, MOHAMMADHASNI) are joined first
 * when the join appears on the other side.</li>
 * <li>The name score is a weighted share: paired weight times similarity over paired weight plus a
 * cost for each unpaired part. The cost is asymmetric: a query part and a record part that both
 * stay unpaired contradict each other and cost their full weight; a query part with nothing left
 * to pair with costs half (the record may lack a middle name); a record part the officer did not
 * type costs less still (officers type short names, records hold long ones).</li>
 * <li>Date of birth, nationality and sex are evidence for and against: an equal full date adds,
 * a year-only compatible date adds less (both in proportion to the name score, so they can
 * only confirm a name, never make one), a date off by one year subtracts a little, a conflicting
 * date subtracts a lot; a different nationality or sex subtracts.</li>
 * <li>The best score over the record's full name, its given + family names and its aliases wins;
 * the reasons come from that alignment.</li>
 * </ol>
 * Everything is deterministic, allocation is per call, and nothing is logged.
 */
final class DefaultPersonNameMatcher implements PersonNameMatcher {

    static final double DOB_EQUAL = 0.10;
    static final double DOB_COMPATIBLE = 0.05;
    static final double DOB_OFF_BY_ONE_YEAR = -0.05;
    static final double DOB_SAME_YEAR_DIFFERENT_DAY = -0.08;
    static final double DOB_CONFLICT = -0.20;
    static final double NATIONALITY_EQUAL = 0.04;
    static final double NATIONALITY_DIFFERENT = -0.08;
    static final double SEX_DIFFERENT = -0.10;

    private static final int CACHE_LIMIT = 200_000;

    private final ScoringParameters parameters;
    private final Equivalences equivalences = Equivalences.defaults();
    private final ConcurrentHashMap<String, Token[]> prepared = new ConcurrentHashMap<>();

    DefaultPersonNameMatcher(ScoringParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public double nameSimilarity(String a, String b) {
        Token[] ta = tokens(a);
        Token[] tb = tokens(b);
        return 0.5 * (align(ta, tb, null).score + align(tb, ta, null).score);
    }

    @Override
    public MatchResult score(PersonQuery query, PersonRecord candidate) {
        NameAgreement agreement = compareNames(query.name(), candidate);
        List<String> reasons = new ArrayList<>(agreement.reasons());
        double name = agreement.score();
        double positive = 0.0;
        double negative = 0.0;
        double dob = dateEvidence(query.dateOfBirth(), candidate.dateOfBirth(), reasons);
        double nat = nationalityEvidence(query.nationality(), candidate.nationality(), reasons);
        double sex = sexEvidence(query.sex(), candidate.sex(), reasons);
        for (double e : new double[] {dob, nat, sex}) {
            if (e > 0) {
                positive += e;
            } else {
                negative += e;
            }
        }
        double score = name + positive * name + negative;
        return new MatchResult(Math.max(0.0, Math.min(1.0, score)), reasons);
    }

    @Override
    public NameAgreement compareNames(String name, PersonRecord candidate) {
        Token[] q = tokens(name);
        Set<String> family = new HashSet<>();
        for (Token t : tokens(candidate.familyName())) {
            family.add(t.text);
        }
        Alignment best = null;
        String bestAlias = null;
        for (String[] variant : variants(candidate)) {
            Token[] c = tokens(variant[0]);
            if (c.length == 0) {
                continue;
            }
            Alignment a = align(q, c, family);
            if (best == null || a.score > best.score) {
                best = a;
                bestAlias = variant[1];
            }
        }
        int queryParts = 0;
        for (Token t : q) {
            if (!t.particle) {
                queryParts++;
            }
        }
        List<String> reasons = new ArrayList<>();
        if (best == null) {
            reasons.add("record has no name");
            return new NameAgreement(0.0, reasons, false, List.of(), false, queryParts);
        }
        if (bestAlias != null) {
            reasons.add("matched on alias " + display(bestAlias));
        }
        boolean splits = candidate.givenNames() != null || candidate.familyName() != null;
        best.describe(reasons, splits);
        boolean[] pairedC = best.pairedRecordParts();
        List<String> agreeing = new ArrayList<>();
        boolean fullyPaired = true;
        for (int j = 0; j < best.c.length; j++) {
            if (best.c[j].particle) {
                continue;
            }
            if (!pairedC[j]) {
                fullyPaired = false;
            } else if (best.similarityOfRecordPart(j) >= TokenSimilarity.SHORT_SKELETON) {
                agreeing.add(NameKeys.partKey(best.c[j]));
            }
        }
        if (fullyPaired && bestAlias != null && nonParticles(best.c) < nonParticles(tokens(candidate.fullName()))) {
            // paired on a shorter alias ("Dmitri Sokolov" beside "Dmitrij Grigorjewitsch Sokolov"): how
            // many persons carry the full name says nothing of how many carry the alias, so the
            // term-frequency side must weigh the agreeing parts instead (PersonEvidence)
            fullyPaired = false;
        }
        boolean givenNameMet = bestAlias != null || givenNameMet(candidate, best, pairedC);
        if (!givenNameMet) {
            reasons.add("given name " + display(firstGivenPart(candidate)) + " not in query");
        }
        return new NameAgreement(best.score, reasons, givenNameMet, agreeing, fullyPaired, queryParts);
    }

    private static int nonParticles(Token[] tokens) {
        int n = 0;
        for (Token t : tokens) {
            if (!t.particle) {
                n++;
            }
        }
        return n;
    }

    /**
     * When the record says which part is its given name, a query part must have paired with it: in
     * an Arabic chain (given, father, grandfather, family) the father's and grandfather's names are
     * not the person's own, and a Western record's first name is not optional evidence.
     */
    private boolean givenNameMet(PersonRecord candidate, Alignment best, boolean[] pairedC) {
        String first = firstGivenPart(candidate);
        if (first == null || candidate.familyName() == null || candidate.familyName().isBlank()) {
            return true;
        }
        boolean present = false;
        for (int j = 0; j < best.c.length; j++) {
            if (best.c[j].text.equals(first) || best.c[j].text.startsWith(first)) {
                present = true;
                if (pairedC[j]) {
                    return !middleNamesDiffer(candidate, best, pairedC);
                }
            }
        }
        // the aligned variant does not hold the given name as one part (joined, or a name the record
        // keeps in one field): nothing to check
        return !present;
    }

    /**
     * A Vietnamese record's middle name left unpaired while the query holds a part of its own that
     * paired with nothing: two middle names that differ ("Hoang Van Quang" and "Duc Quang Hoang"),
     * which tell two persons apart. A middle name the other side simply leaves out is no difference
     * ("Anh Vu" and "Quoc Anh Vu"). At 1,000,000 persons per source, two such records born the same
     * day were merged into one subject once the given name alone had to agree.
     */
    private boolean middleNamesDiffer(PersonRecord candidate, Alignment best, boolean[] pairedC) {
        String middle = vietnameseMiddleName(candidate);
        if (middle == null) {
            return false;
        }
        boolean middleUnpaired = false;
        for (int j = 0; j < best.c.length; j++) {
            if (best.c[j].text.equals(middle)) {
                if (pairedC[j]) {
                    // paired, but with a part that is another name (VAN with DUC)
                    return best.similarityOfRecordPart(j) < TokenSimilarity.SHORT_SKELETON;
                }
                middleUnpaired = true;
            }
        }
        if (!middleUnpaired) {
            return false;
        }
        // any part of the query paired with nothing but the middle name itself, particles too: the
        // Vietnamese middle name Văn is read as the Dutch particle van, which the alignment never pairs
        for (int i = 0; i < best.q.length; i++) {
            if (best.pairOf[i] < 0 && !best.q[i].text.equals(middle)) {
                return true;
            }
        }
        return false;
    }

    /** The middle name of a Vietnamese record (family, middle, given), or null. */
    private String vietnameseMiddleName(PersonRecord candidate) {
        List<String> given = givenParts(candidate);
        Token[] family = tokens(candidate.familyName());
        return given.size() >= 2 && family.length == 1 && VIETNAMESE_FAMILY_NAMES.contains(family[0].text)
                ? given.get(0) : null;
    }

    /**
     * The part of the record's given names that is the person's own name. Usually the first; in a
     * Vietnamese name (family, middle, given: Vũ Quốc Anh) the last, because the middle name is the
     * one that records leave out ("Anh VŨ" and "Quoc Anh Vu", born the same day, are one person, and
     * a rule asking for QUOC split them into two HIT subjects). A Vietnamese name is told by its family
     * name, one of the few that nearly every Vietnamese carries.
     */
    private String firstGivenPart(PersonRecord candidate) {
        List<String> given = givenParts(candidate);
        if (given.isEmpty()) {
            return null;
        }
        return vietnameseMiddleName(candidate) != null ? given.get(given.size() - 1) : given.get(0);
    }

    private List<String> givenParts(PersonRecord candidate) {
        List<String> given = new ArrayList<>();
        for (Token t : tokens(candidate.givenNames())) {
            if (!t.particle) {
                given.add(t.text);
            }
        }
        return given;
    }

    /** The Vietnamese family names that most Vietnamese carry (Nguyễn, Trần, Lê, Phạm...), folded. */
    private static final Set<String> VIETNAMESE_FAMILY_NAMES = Set.of("nguyen", "tran", "le", "pham", "hoang",
            "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ngo", "duong", "dinh", "trinh", "truong");

    /** (name, alias or null) for the full name, the given + family names, and each alias. */
    private List<String[]> variants(PersonRecord r) {
        List<String[]> out = new ArrayList<>();
        if (r.fullName() != null && !r.fullName().isBlank()) {
            out.add(new String[] {r.fullName(), null});
        }
        String split = ((r.givenNames() == null ? "" : r.givenNames()) + " "
                + (r.familyName() == null ? "" : r.familyName())).trim();
        if (!split.isEmpty() && (r.fullName() == null || !sameTexts(tokens(split), tokens(r.fullName())))) {
            out.add(new String[] {split, null});
        }
        for (String alias : r.aliases()) {
            if (alias != null && !alias.isBlank()) {
                out.add(new String[] {alias, alias});
            }
        }
        return out;
    }

    private static boolean sameTexts(Token[] a, Token[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!a[i].text.equals(b[i].text)) {
                return false;
            }
        }
        return true;
    }

    private static double dateEvidence(PartialDate q, PartialDate c, List<String> reasons) {
        if (q == null || c == null) {
            return 0.0;
        }
        if (q.equals(c)) {
            reasons.add("date of birth " + q + " equal");
            return q.isFullDate() ? DOB_EQUAL : DOB_COMPATIBLE;
        }
        if (q.compatibleWith(c)) {
            reasons.add("date of birth " + q + " compatible with " + c);
            return DOB_COMPATIBLE;
        }
        int years = Math.abs(q.year() - c.year());
        if (years == 0) {
            reasons.add("date of birth " + q + " differs from " + c + " in month or day");
            return DOB_SAME_YEAR_DIFFERENT_DAY;
        }
        if (years == 1) {
            reasons.add("date of birth " + q + " off by one year from " + c);
            return DOB_OFF_BY_ONE_YEAR;
        }
        reasons.add("date of birth " + q + " conflicts with " + c);
        return DOB_CONFLICT;
    }

    private static double nationalityEvidence(String q, String c, List<String> reasons) {
        String a = q == null ? null : Countries.canonical(q.trim().toUpperCase(Locale.ROOT));
        String b = c == null ? null : Countries.canonical(c.trim().toUpperCase(Locale.ROOT));
        if (a == null || b == null) {
            return 0.0;
        }
        if (a.equals(b)) {
            reasons.add("nationality " + a + " equal");
            return NATIONALITY_EQUAL;
        }
        reasons.add("nationality " + a + " differs from " + b);
        return NATIONALITY_DIFFERENT;
    }

    private static double sexEvidence(Sex q, Sex c, List<String> reasons) {
        if (q == null || q == Sex.UNKNOWN || c == null || c == Sex.UNKNOWN || q == c) {
            return 0.0;
        }
        reasons.add("sex " + q + " differs from " + c);
        return SEX_DIFFERENT;
    }

    Token[] tokens(String name) {
        if (name == null) {
            return new Token[0];
        }
        Token[] t = prepared.get(name);
        if (t == null) {
            t = NameNormaliser.parts(name).stream().map(p -> Token.of(p, equivalences)).toArray(Token[]::new);
            if (prepared.size() >= CACHE_LIMIT) {
                prepared.clear();
            }
            prepared.put(name, t);
        }
        return t;
    }

    /** The best alignment of q with c, trying joins of adjacent parts that the other side writes as one. */
    Alignment align(Token[] q, Token[] c, Set<String> family) {
        Alignment best = alignPlain(q, c, family);
        Token[] qj = joined(q, c);
        Token[] cj = joined(c, q);
        if (qj != null) {
            best = better(best, alignPlain(qj, c, family));
        }
        if (cj != null) {
            best = better(best, alignPlain(q, cj, family));
        }
        if (qj != null && cj != null) {
            best = better(best, alignPlain(qj, cj, family));
        }
        return best;
    }

    private static Alignment better(Alignment a, Alignment b) {
        return b.score > a.score ? b : a;
    }

    /** x with each adjacent pair joined whose concatenation (or its skeleton) is a part of other; null if none. */
    private Token[] joined(Token[] x, Token[] other) {
        if (x.length < 2 || other.length == 0) {
            return null;
        }
        List<Token> out = null;
        for (int i = 0; i < x.length; i++) {
            if (i + 1 < x.length) {
                String cat = x[i].text + x[i + 1].text;
                String skel = Token.skeleton(cat);
                boolean found = false;
                for (Token o : other) {
                    if (o.text.length() == cat.length() ? o.text.equals(cat) : o.skeleton.equals(skel)) {
                        found = true;
                        break;
                    }
                }
                if (found) {
                    if (out == null) {
                        out = new ArrayList<>();
                        for (int k = 0; k < i; k++) {
                            out.add(x[k]);
                        }
                    }
                    out.add(Token.of(new NamePart(cat, false, x[i].unvocalised && x[i + 1].unvocalised),
                            equivalences));
                    i++;
                    continue;
                }
            }
            if (out != null) {
                out.add(x[i]);
            }
        }
        return out == null ? null : out.toArray(Token[]::new);
    }

    private Alignment alignPlain(Token[] q, Token[] c, Set<String> family) {
        int n = q.length;
        int m = c.length;
        double[] wq = new double[n];
        double[] wc = new double[m];
        boolean[] isFamily = new boolean[m];
        for (int i = 0; i < n; i++) {
            wq[i] = q[i].baseWeight();
        }
        for (int j = 0; j < m; j++) {
            wc[j] = c[j].baseWeight();
            if (family != null && family.contains(c[j].text)) {
                isFamily[j] = true;
                if (!c[j].particle) {
                    wc[j] *= parameters.familyBoost();
                }
            }
        }
        double[][] sim = new double[n][m];
        double[][] value = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = TokenSimilarity.similarity(q[i], c[j]);
                sim[i][j] = s;
                value[i][j] = s >= parameters.pairCutoff()
                        ? s * 0.5 * (wq[i] + wc[j]) : 0.0;
            }
        }
        int[] pairOf = Assignment.maximise(value);
        // a particle (al, bin, van, de) never agrees on its own: a pair of particles counts only when the
        // parts they introduce agree with each other too ("al" of Al-Rashid with "al" of Al Rasheed);
        // otherwise both are set aside, neither evidence nor cost
        for (int i = 0; i < n; i++) {
            int j = pairOf[i];
            if (j >= 0 && q[i].particle && value[i][j] > 0.0) {
                int qi = nextPart(q, i);
                int cj = nextPart(c, j);
                if (qi < 0 || cj < 0 || pairOf[qi] != cj || value[qi][cj] <= 0.0) {
                    pairOf[i] = -1;
                    wq[i] = 0.0;
                    wc[j] = 0.0;
                }
            }
        }
        double matched = 0.0;
        double evidence = 0.0;
        boolean[] usedC = new boolean[m];
        double unpairedQ = 0.0;
        for (int i = 0; i < n; i++) {
            int j = pairOf[i];
            if (j >= 0 && value[i][j] > 0.0) {
                double w = 0.5 * (wq[i] + wc[j]);
                matched += w;
                evidence += w * Math.max(0.0, (sim[i][j] - parameters.similarityFloor())
                        / (1.0 - parameters.similarityFloor()));
                usedC[j] = true;
            } else {
                pairOf[i] = -1;
                unpairedQ += wq[i];
            }
        }
        double unpairedC = 0.0;
        for (int j = 0; j < m; j++) {
            if (!usedC[j]) {
                unpairedC += wc[j];
            }
        }
        double conflict = Math.min(unpairedQ, unpairedC);
        double denominator = matched + parameters.conflictCost() * conflict
                + parameters.queryMissingCost() * (unpairedQ - conflict)
                + parameters.recordMissingCost() * (unpairedC - conflict);
        double score = denominator <= 0.0 ? 0.0 : evidence / denominator;
        return new Alignment(q, c, isFamily, pairOf, sim, Math.max(0.0, Math.min(1.0, score)));
    }

    /** The index of the first part after i that is not a particle; -1 if none. */
    private static int nextPart(Token[] t, int i) {
        for (int k = i + 1; k < t.length; k++) {
            if (!t[k].particle) {
                return k;
            }
        }
        return -1;
    }

    static String display(String s) {
        return NameNormaliser.normalise(s).toUpperCase(Locale.ROOT);
    }

    /** One alignment of a query's parts with a record's, and its name score. */
    static final class Alignment {
        final Token[] q;
        final Token[] c;
        final boolean[] isFamily;
        final int[] pairOf;
        final double[][] sim;
        final double score;

        /** Which record parts the alignment paired with a query part. */
        boolean[] pairedRecordParts() {
            boolean[] used = new boolean[c.length];
            for (int j : pairOf) {
                if (j >= 0) {
                    used[j] = true;
                }
            }
            return used;
        }

        /** The similarity of record part j to the query part it paired with; 0 when unpaired. */
        double similarityOfRecordPart(int j) {
            for (int i = 0; i < pairOf.length; i++) {
                if (pairOf[i] == j) {
                    return sim[i][j];
                }
            }
            return 0.0;
        }

        Alignment(Token[] q, Token[] c, boolean[] isFamily, int[] pairOf, double[][] sim, double score) {
            this.q = q;
            this.c = c;
            this.isFamily = isFamily;
            this.pairOf = pairOf;
            this.sim = sim;
            this.score = score;
        }

        void describe(List<String> reasons, boolean recordSplitsNames) {
            boolean[] usedC = new boolean[c.length];
            for (int i = 0; i < q.length; i++) {
                int j = pairOf[i];
                if (j < 0) {
                    continue;
                }
                usedC[j] = true;
                if (q[i].particle && c[j].particle) {
                    continue; // counted with the part it introduces, not a reason of its own
                }
                String label = isFamily[j] ? "family name" : recordSplitsNames ? "given name" : "name part";
                TokenSimilarity.Kind kind = TokenSimilarity.kind(q[i], c[j], sim[i][j]);
                String qs = q[i].text.toUpperCase(Locale.ROOT);
                String cs = c[j].text.toUpperCase(Locale.ROOT);
                reasons.add(switch (kind) {
                    case EQUAL -> label + " " + qs + " equal";
                    case KNOWN_EQUIVALENT -> label + " " + qs + " = " + cs + " " + kind.label;
                    default -> label + " " + qs + " ~ " + cs + " " + kind.label;
                });
            }
            List<Integer> leftInRecord = new ArrayList<>();
            for (int j = 0; j < c.length; j++) {
                if (!usedC[j] && !c[j].particle) {
                    leftInRecord.add(j);
                }
            }
            for (int i = 0; i < q.length; i++) {
                if (pairOf[i] >= 0 || q[i].particle) {
                    continue;
                }
                String qs = q[i].text.toUpperCase(Locale.ROOT);
                if (!leftInRecord.isEmpty()) {
                    // the record part it contradicts: one the table knows as a different name, else the first left
                    int k = 0;
                    for (int x = 0; x < leftInRecord.size(); x++) {
                        if (TokenSimilarity.differentNamesByHand(q[i], c[leftInRecord.get(x)])) {
                            k = x;
                            break;
                        }
                    }
                    Token other = c[leftInRecord.remove(k)];
                    reasons.add("name part " + qs + " conflicts with " + other.text.toUpperCase(Locale.ROOT)
                            + (TokenSimilarity.differentNamesByHand(q[i], other)
                                    ? " " + TokenSimilarity.Kind.DIFFERENT_NAME.label : ""));
                } else {
                    boolean middle = q.length >= 3 && i > 0 && i < q.length - 1;
                    reasons.add((middle ? "middle name " : "name part ") + qs + " missing in record");
                }
            }
            for (int j : leftInRecord) {
                reasons.add("record name part " + c[j].text.toUpperCase(Locale.ROOT) + " not in query");
            }
        }
    }
}
