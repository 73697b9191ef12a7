package org.alos2ingest.sample.ceos;

/** Linear least squares by Householder QR: numerically sound for the polynomial fits of the sample leader. */
final class LeastSquares {

    private LeastSquares() {
    }

    /** The x minimising |A x - b| for an m x n matrix A with m >= n and full column rank. */
    static double[] solve(double[][] a, double[] b) {
        int m = a.length;
        int n = a[0].length;
        double[][] q = new double[m][];
        for (int i = 0; i < m; i++) {
            q[i] = a[i].clone();
        }
        double[] y = b.clone();
        for (int k = 0; k < n; k++) {
            double norm = 0;
            for (int i = k; i < m; i++) {
                norm = Math.hypot(norm, q[i][k]);
            }
            if (norm == 0) {
                throw new IllegalArgumentException("rank-deficient least-squares problem");
            }
            double alpha = q[k][k] > 0 ? -norm : norm;
            double[] v = new double[m];
            v[k] = q[k][k] - alpha;
            for (int i = k + 1; i < m; i++) {
                v[i] = q[i][k];
            }
            double vv = 0;
            for (int i = k; i < m; i++) {
                vv += v[i] * v[i];
            }
            for (int j = k; j < n; j++) {
                double dot = 0;
                for (int i = k; i < m; i++) {
                    dot += v[i] * q[i][j];
                }
                double f = 2 * dot / vv;
                for (int i = k; i < m; i++) {
                    q[i][j] -= f * v[i];
                }
            }
            double dot = 0;
            for (int i = k; i < m; i++) {
                dot += v[i] * y[i];
            }
            double f = 2 * dot / vv;
            for (int i = k; i < m; i++) {
                y[i] -= f * v[i];
            }
        }
        double[] x = new double[n];
        for (int k = n - 1; k >= 0; k--) {
            double s = y[k];
            for (int j = k + 1; j < n; j++) {
                s -= q[k][j] * x[j];
            }
            x[k] = s / q[k][k];
        }
        return x;
    }
}
