package io.industryts.ops;

import java.util.Arrays;

/**
 * The Box-Cox and Yeo-Johnson power transforms and their maximum-likelihood λ (SEMANTICS §2.5.4,
 * §2.5.5, scipy {@code stats.boxcox} / {@code stats.yeojohnson}).
 *
 * <p>λ̂ maximizes the profile log-likelihood with Brent's method: a downhill bracket search started
 * from {@code (−2, 2)} (the result may lie outside), then Brent's parabolic/golden-section
 * minimization of the negative log-likelihood until the bracket is narrower than 1e-10. Near its
 * maximum the log-likelihood is flat: with tens of thousands of values its double-precision
 * rounding hides λ̂ to about 1e-8, which moves the outputs by ~1e-6 relative. Box-Cox therefore
 * refines Brent's λ to the root of the likelihood's derivative ({@link BoxCoxSlope}), whose sign is
 * exact to a few ulps, by bisection to adjacent doubles.
 */
final class Power {
  private Power() {}

  /** Which transform. */
  enum Family {
    BOX_COX,
    YEO_JOHNSON
  }

  private static final double GOLD = 1.618034;
  private static final double CGOLD = 0.3819660112501051;
  private static final double TOL = 2.5e-11; // final bracket ≤ 4·TOL = 1e-10
  private static final int MAX_ITER = 1000;

  /** Whether {@code x} may be transformed (Box-Cox needs {@code x > 0}; NaN propagates). */
  static boolean valid(Family f, double x) {
    return f == Family.YEO_JOHNSON || !(x <= 0);
  }

  static double transform(Family f, double x, double lam) {
    return f == Family.BOX_COX ? boxCox(x, lam) : yeoJohnson(x, lam);
  }

  /**
   * scipy {@code special.boxcox}: {@code expm1(λ·ln x)/λ}, {@code ln x} when {@code |λ| < 1e-19}.
   */
  static double boxCox(double x, double lam) {
    double l = Math.log(x);
    return Math.abs(lam) < 1e-19 ? l : Math.expm1(lam * l) / lam;
  }

  static double yeoJohnson(double x, double lam) {
    if (x >= 0) {
      return Math.abs(lam) < 2.22e-16 ? Math.log1p(x) : Math.expm1(lam * Math.log1p(x)) / lam;
    }
    double m = 2 - lam;
    return Math.abs(lam - 2) < 2.22e-16 ? -Math.log1p(-x) : -Math.expm1(m * Math.log1p(-x)) / m;
  }

  /**
   * The fitted λ of sorted valid values, or NaN when fewer than 2 distinct values exist. Sorting
   * first makes the sums independent of the order in which segments were merged.
   */
  static double mle(Family f, double[] sorted, int n) {
    if (n < 2 || sorted[0] == sorted[n - 1]) {
      return Double.NaN;
    }
    double[] x = Arrays.copyOf(sorted, n);
    Likelihood nll = f == Family.BOX_COX ? new BoxCoxLikelihood(x) : new YeoJohnsonLikelihood(x);
    double lam = minimize(nll, -2.0, 2.0);
    return f == Family.BOX_COX ? new BoxCoxSlope(x).refine(lam) : lam;
  }

  /**
   * The derivative of the Box-Cox profile log-likelihood {@code ℓ(λ) = (λ − 1)·Σ ln x − (n/2)·ln
   * σ²(λ)}:
   *
   * <pre>
   * ℓ'(λ) = Σ ln x − n·Σ (y − ȳ)·y' / Σ (y − ȳ)²,   y = (x^λ − 1)/λ,   y' = (ln x)²·φ(λ ln x)
   * </pre>
   *
   * with {@code φ(u) = (u·e^u − (e^u − 1))/u²} (a series near 0, so λ = 0 and small λ lose no
   * digits). When {@code |λ ln x|} would overflow, the scale-free form {@code Σ ln x − n·[Σ (z −
   * z̄)·z·ln x / Σ (z − z̄)² − 1/λ]} with {@code z = x^λ / max x^λ} is used. Sums are compensated
   * (Neumaier).
   */
  static final class BoxCoxSlope {
    private final double[] logs;
    private final double sumLog;
    private final double[] y;
    private final double[] dy;

    BoxCoxSlope(double[] x) {
      logs = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        logs[i] = Math.log(x[i]);
      }
      sumLog = Stats.compensatedSum(logs, logs.length);
      y = new double[x.length];
      dy = new double[x.length];
    }

    /** {@code ℓ'(λ)}; NaN when undefined (e.g. all transformed values equal in doubles). */
    double at(double lam) {
      int n = logs.length;
      double big = 0;
      double top = Double.NEGATIVE_INFINITY;
      for (double l : logs) {
        big = Math.max(big, Math.abs(lam * l));
        top = Math.max(top, lam * l);
      }
      boolean scaled = big >= 300;
      for (int i = 0; i < n; i++) {
        double u = lam * logs[i];
        if (scaled) {
          y[i] = Math.exp(u - top);
          dy[i] = y[i] * logs[i];
        } else {
          y[i] = lam == 0 ? logs[i] : Math.expm1(u) / lam;
          dy[i] = logs[i] * logs[i] * phi(u);
        }
      }
      double mean = Stats.compensatedSum(y, n) / n;
      double num = 0;
      double numC = 0;
      double den = 0;
      double denC = 0;
      for (int i = 0; i < n; i++) {
        double d = y[i] - mean;
        double p = d * dy[i];
        double t = num + p;
        numC += Math.abs(num) >= Math.abs(p) ? (num - t) + p : (p - t) + num;
        num = t;
        double q = d * d;
        t = den + q;
        denC += Math.abs(den) >= Math.abs(q) ? (den - t) + q : (q - t) + den;
        den = t;
      }
      double ratio = (num + numC) / (den + denC);
      return sumLog - n * (scaled ? ratio - 1 / lam : ratio);
    }

    /** {@code (u·e^u − expm1(u))/u²}, the factor of {@code (ln x)²} in {@code dy/dλ}. */
    static double phi(double u) {
      if (Math.abs(u) >= 0.5) {
        return (u * Math.exp(u) - Math.expm1(u)) / (u * u);
      }
      // Σ_{k≥1} k·u^(k−1)/(k+1)!: 1/2 + u/3 + u²/8 + u³/30 + ...
      double sum = 0;
      double power = 1;
      double factorial = 2;
      for (int k = 1; k < 40; k++) {
        double term = k * power / factorial;
        sum += term;
        if (Math.abs(term) <= 1e-17 * Math.abs(sum)) {
          break;
        }
        power *= u;
        factorial *= k + 2;
      }
      return sum;
    }

    /**
     * The root of {@code ℓ'} next to Brent's {@code lam}: a bracket grown from {@code lam} towards
     * the sign of the slope, then bisection until its ends are adjacent doubles. Returns {@code
     * lam} unchanged when the slope is not finite there or no sign change is found close by.
     */
    double refine(double lam) {
      double g0 = at(lam);
      if (!Double.isFinite(g0) || g0 == 0) {
        return lam;
      }
      double step = 1e-7 * Math.max(1, Math.abs(lam));
      double dir = g0 > 0 ? 1 : -1; // ℓ rises towards the maximum
      double far = lam + dir * step;
      double gFar = at(far);
      for (int i = 0;
          i < 40 && Double.isFinite(gFar) && Math.signum(gFar) == Math.signum(g0);
          i++) {
        step *= 2;
        far = lam + dir * step;
        gFar = at(far);
      }
      if (!Double.isFinite(gFar) || Math.signum(gFar) == Math.signum(g0)) {
        return lam;
      }
      double a = lam;
      double b = far;
      for (int i = 0; i < 200; i++) {
        double mid = 0.5 * (a + b);
        if (mid == a || mid == b) {
          break;
        }
        double gm = at(mid);
        if (!Double.isFinite(gm)) {
          break;
        }
        if (gm == 0) {
          return mid;
        }
        if (Math.signum(gm) == Math.signum(g0)) {
          a = mid;
        } else {
          b = mid;
        }
      }
      return Math.abs(at(a)) <= Math.abs(at(b)) ? a : b;
    }
  }

  /** Whether the transform of the extreme values at {@code lam} stays finite. */
  static boolean fits(Family f, double lo, double hi, double lam) {
    return Double.isFinite(lam)
        && Double.isFinite(transform(f, lo, lam))
        && Double.isFinite(transform(f, hi, lam));
  }

  /** A function to minimize. */
  interface Likelihood {
    double negative(double lam);
  }

  /** {@code −[(λ − 1)·Σ ln x − (n/2)·ln σ²(λ)]}. */
  static final class BoxCoxLikelihood implements Likelihood {
    private final double[] logs;
    private final double sumLog;
    private final double[] buf;

    BoxCoxLikelihood(double[] x) {
      logs = new double[x.length];
      double s = 0;
      for (int i = 0; i < x.length; i++) {
        logs[i] = Math.log(x[i]);
        s += logs[i];
      }
      sumLog = s;
      buf = new double[x.length];
    }

    @Override
    public double negative(double lam) {
      int n = logs.length;
      double logVar;
      if (Math.abs(lam) < 1e-19) {
        logVar = Math.log(variance(logs));
      } else {
        double big = 0;
        for (double l : logs) {
          big = Math.max(big, Math.abs(lam * l));
        }
        if (big < 300) {
          for (int i = 0; i < n; i++) {
            buf[i] = Math.expm1(lam * logs[i]) / lam;
          }
          logVar = Math.log(variance(buf));
        } else {
          // var(x^λ)/λ², computed in log space so large |λ| does not overflow
          double m = Double.NEGATIVE_INFINITY;
          for (double l : logs) {
            m = Math.max(m, lam * l);
          }
          for (int i = 0; i < n; i++) {
            buf[i] = Math.exp(lam * logs[i] - m);
          }
          logVar = Math.log(variance(buf)) + 2 * m - 2 * Math.log(Math.abs(lam));
        }
      }
      return -((lam - 1) * sumLog - 0.5 * n * logVar);
    }
  }

  /** {@code −[−(n/2)·ln σ²(λ) + (λ − 1)·Σ sign(x)·log1p(|x|)]}. */
  static final class YeoJohnsonLikelihood implements Likelihood {
    private final double[] x;
    private final double signedLogs;
    private final double[] buf;

    YeoJohnsonLikelihood(double[] x) {
      this.x = x;
      double s = 0;
      for (double v : x) {
        s += Math.signum(v) * Math.log1p(Math.abs(v));
      }
      signedLogs = s;
      buf = new double[x.length];
    }

    @Override
    public double negative(double lam) {
      for (int i = 0; i < x.length; i++) {
        buf[i] = yeoJohnson(x[i], lam);
      }
      return -(-0.5 * x.length * Math.log(variance(buf)) + (lam - 1) * signedLogs);
    }
  }

  /** Population variance (ddof 0), corrected two-pass; exactly 0 for equal values. */
  static double variance(double[] v) {
    return Stats.variance(v, v.length, 0);
  }

  /** Objective with non-finite values (overflow) mapped to +∞, so comparisons stay ordered. */
  private static double eval(Likelihood f, double lam) {
    double y = f.negative(lam);
    return Double.isNaN(y) ? Double.POSITIVE_INFINITY : y;
  }

  /** Minimizes {@code f}: downhill bracket from {@code (xa, xb)}, then Brent's method. */
  static double minimize(Likelihood f, double xa, double xb) {
    double fa = eval(f, xa);
    double fb = eval(f, xb);
    if (fa < fb) {
      double t = xa;
      xa = xb;
      xb = t;
      t = fa;
      fa = fb;
      fb = t;
    }
    double xc = xb + GOLD * (xb - xa);
    double fc = eval(f, xc);
    int iter = 0;
    while (fc < fb && iter++ < MAX_ITER) {
      // parabolic extrapolation through (xa, xb, xc), limited to 110 bracket widths
      double r = (xb - xa) * (fb - fc);
      double q = (xb - xc) * (fb - fa);
      double diff = q - r;
      double denom = 2.0 * (Math.abs(diff) < 1e-21 ? 1e-21 : diff);
      double w = xb - ((xb - xc) * q - (xb - xa) * r) / denom;
      double wlim = xb + 110 * (xc - xb);
      double fw;
      if (!Double.isFinite(w)) {
        w = xc + GOLD * (xc - xb);
        fw = eval(f, w);
      } else if ((w - xc) * (xb - w) > 0) {
        fw = eval(f, w);
        if (fw < fc) {
          xa = xb;
          xb = w;
          fa = fb;
          fb = fw;
          break;
        } else if (fw > fb) {
          xc = w;
          fc = fw;
          break;
        }
        w = xc + GOLD * (xc - xb);
        fw = eval(f, w);
      } else if ((w - wlim) * (wlim - xc) >= 0) {
        w = wlim;
        fw = eval(f, w);
      } else if ((w - wlim) * (xc - w) > 0) {
        fw = eval(f, w);
        if (fw < fc) {
          xb = xc;
          xc = w;
          w = xc + GOLD * (xc - xb);
          fb = fc;
          fc = fw;
          fw = eval(f, w);
        }
      } else {
        w = xc + GOLD * (xc - xb);
        fw = eval(f, w);
      }
      xa = xb;
      xb = xc;
      xc = w;
      fa = fb;
      fb = fc;
      fc = fw;
    }
    return brent(f, xa, xb, xc, fb);
  }

  /**
   * Brent's minimization inside the bracket {@code a < bx < c} (or reversed), {@code f(bx) = fbx}.
   */
  private static double brent(Likelihood f, double ax, double bx, double cx, double fbx) {
    double a = Math.min(ax, cx);
    double b = Math.max(ax, cx);
    double x = bx;
    double w = bx;
    double v = bx;
    double fx = fbx;
    double fw = fbx;
    double fv = fbx;
    double d = 0;
    double e = 0;
    for (int iter = 0; iter < MAX_ITER; iter++) {
      double xm = 0.5 * (a + b);
      double tol1 = TOL;
      double tol2 = 2 * tol1;
      if (Math.abs(x - xm) <= tol2 - 0.5 * (b - a)) {
        return x;
      }
      boolean golden = true;
      if (Math.abs(e) > tol1) {
        double r = (x - w) * (fx - fv);
        double q = (x - v) * (fx - fw);
        double p = (x - v) * q - (x - w) * r;
        q = 2 * (q - r);
        if (q > 0) {
          p = -p;
        }
        q = Math.abs(q);
        double etemp = e;
        e = d;
        boolean ok =
            Double.isFinite(p)
                && Double.isFinite(q)
                && q != 0
                && Math.abs(p) < Math.abs(0.5 * q * etemp)
                && p > q * (a - x)
                && p < q * (b - x);
        if (ok) {
          d = p / q;
          double u = x + d;
          if (u - a < tol2 || b - u < tol2) {
            d = Math.copySign(tol1, xm - x);
          }
          golden = false;
        }
      }
      if (golden) {
        e = x >= xm ? a - x : b - x;
        d = CGOLD * e;
      }
      double u = Math.abs(d) >= tol1 ? x + d : x + Math.copySign(tol1, d);
      double fu = eval(f, u);
      if (fu <= fx) {
        if (u >= x) {
          a = x;
        } else {
          b = x;
        }
        v = w;
        w = x;
        x = u;
        fv = fw;
        fw = fx;
        fx = fu;
      } else {
        if (u < x) {
          a = u;
        } else {
          b = u;
        }
        if (fu <= fw || w == x) {
          v = w;
          w = u;
          fv = fw;
          fw = fu;
        } else if (fu <= fv || v == x || v == w) {
          v = u;
          fv = fu;
        }
      }
    }
    return x;
  }
}
