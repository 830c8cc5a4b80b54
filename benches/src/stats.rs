//! Small statistics helpers: median, geometric mean, formatting.

/// Median of the values (mean of the two middle values for an even count).
pub fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    Some(if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 })
}

/// Geometric mean of strictly positive values.
pub fn geomean(values: &[f64]) -> Option<f64> {
    if values.is_empty() || values.iter().any(|v| v.is_nan() || *v <= 0.0 || !v.is_finite()) {
        return None;
    }
    let sum: f64 = values.iter().map(|v| v.ln()).sum();
    Some((sum / values.len() as f64).exp())
}

/// Seconds with three decimals, or milliseconds below 0.1 s ("0.052" reads badly in a column).
pub fn fmt_secs(s: f64) -> String {
    if s < 0.1 {
        format!("{:.1}ms", s * 1000.0)
    } else {
        format!("{:.3}s", s)
    }
}

pub fn fmt_ratio(r: f64) -> String {
    if r >= 100.0 {
        format!("{:.0}x", r)
    } else if r >= 10.0 {
        format!("{:.1}x", r)
    } else {
        format!("{:.2}x", r)
    }
}

/// Kibibytes to a short human string in MiB.
pub fn fmt_kib(kib: i64) -> String {
    let mib = kib as f64 / 1024.0;
    if mib >= 100.0 {
        format!("{:.0}M", mib)
    } else {
        format!("{:.1}M", mib)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_odd_even() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn geomean_basic() {
        let g = geomean(&[1.0, 4.0]).unwrap();
        assert!((g - 2.0).abs() < 1e-12);
        assert_eq!(geomean(&[1.0, 0.0]), None);
        assert_eq!(geomean(&[]), None);
    }

    #[test]
    fn formatting() {
        assert_eq!(fmt_secs(1.23456), "1.235s");
        assert_eq!(fmt_secs(0.0123), "12.3ms");
        assert_eq!(fmt_ratio(3.125), "3.12x");
        assert_eq!(fmt_ratio(31.25), "31.2x");
        assert_eq!(fmt_kib(2048), "2.0M");
        assert_eq!(fmt_kib(1024 * 300), "300M");
    }
}
