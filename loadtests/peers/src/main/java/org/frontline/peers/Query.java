package org.frontline.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One document look-up: number and the issuing country in the three forms the sources use. */
public record Query(String number, String iso3, String iso2, String icao) {

    /** Reads a query file: number TAB iso3 TAB iso2 TAB icao, one per line; blank lines and # comments skipped. */
    public static List<Query> load(Path file) throws IOException {
        List<Query> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 4 || f[0].isEmpty() || f[1].length() != 3 || f[2].length() != 2 || f[3].isEmpty()) {
                throw new IOException(file + ":" + lineNo + ": expected number<TAB>iso3<TAB>iso2<TAB>icao");
            }
            out.add(new Query(f[0], f[1], f[2], f[3]));
        }
        if (out.isEmpty()) {
            throw new IOException(file + ": no queries");
        }
        return List.copyOf(out);
    }

    public String tsv() {
        return number + "\t" + iso3 + "\t" + iso2 + "\t" + icao;
    }
}
