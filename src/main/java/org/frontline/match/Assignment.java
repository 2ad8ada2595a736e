package org.frontline.match;

import java.util.Arrays;

/**
 * Best one-to-one assignment of rows to columns maximising the summed value (Hungarian method with
 * potentials, O(n^2 m)). Name parts are few, so this costs microseconds and, unlike a greedy pick,
 * never pairs a part with its second-best partner to the detriment of the whole name.
 */
final class Assignment {

    private Assignment() {
    }

    /**
     * @param value value[i][j] of pairing row i with column j, non-negative
     * @return for each row, its column, or -1 when it has none (more rows than columns)
     */
    static int[] maximise(double[][] value) {
        int rows = value.length;
        int cols = rows == 0 ? 0 : value[0].length;
        int[] result = new int[rows];
        Arrays.fill(result, -1);
        if (rows == 0 || cols == 0) {
            return result;
        }
        if (rows > cols) {
            double[][] t = new double[cols][rows];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    t[j][i] = value[i][j];
                }
            }
            int[] byCol = maximise(t);
            for (int j = 0; j < cols; j++) {
                if (byCol[j] >= 0) {
                    result[byCol[j]] = j;
                }
            }
            return result;
        }
        int n = rows;
        int m = cols;
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] p = new int[m + 1];
        int[] way = new int[m + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            double[] minv = new double[m + 1];
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[m + 1];
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double cur = -value[i0 - 1][j - 1] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        for (int j = 1; j <= m; j++) {
            if (p[j] != 0) {
                result[p[j] - 1] = j - 1;
            }
        }
        return result;
    }
}
