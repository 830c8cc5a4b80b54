//! `speedups.svg`: a hand-written SVG bar chart of each implementation's speedup over
//! CPython per benchmark, on a logarithmic axis centred on 1x.

use crate::model::{Results, Status};
use crate::stats::fmt_ratio;
use std::fmt::Write;

const COLORS: &[&str] = &["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#76b7b2", "#edc948", "#9c755f"];

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Axis ticks 1-2-5 x 10^k covering [lo, hi].
pub fn ticks(lo: f64, hi: f64) -> Vec<f64> {
    let mut out = Vec::new();
    let mut k = lo.log10().floor() as i32 - 1;
    loop {
        for m in [1.0, 2.0, 5.0] {
            let t = m * 10f64.powi(k);
            if t >= lo * 0.999 && t <= hi * 1.001 {
                out.push(t);
            }
        }
        if 10f64.powi(k) > hi {
            break;
        }
        k += 1;
    }
    out
}

/// The axis range: tick values just outside the data, always including 1x.
pub fn axis_range(values: &[f64]) -> (f64, f64) {
    let min = values.iter().cloned().fold(1.0f64, f64::min);
    let max = values.iter().cloned().fold(1.0f64, f64::max);
    let steps = |v: f64| -> Vec<f64> {
        let k = v.log10().floor() as i32;
        (k - 1..=k + 1).flat_map(|e| [1.0, 2.0, 5.0].map(|m| m * 10f64.powi(e))).collect()
    };
    let lo = steps(min).into_iter().filter(|t| *t <= min * 1.0001).fold(f64::MIN, f64::max);
    let hi = steps(max).into_iter().filter(|t| *t >= max * 0.9999).fold(f64::MAX, f64::min);
    let lo = if lo >= 1.0 { 0.5 } else { lo };
    let hi = if hi <= 1.0 { 2.0 } else { hi };
    (lo, hi)
}

pub fn chart(r: &Results) -> String {
    let reference = r.reference();
    let shown: Vec<usize> =
        (0..r.impls.len()).filter(|&i| i != reference && r.impls[i].unavailable.is_none()).collect();
    let rows: Vec<usize> = (0..r.benches.len()).collect();

    // speedup = CPython's time / this implementation's time
    let mut values = Vec::new();
    for &b in &rows {
        for &i in &shown {
            if let Some(x) = r.ratio(b, i) {
                values.push(1.0 / x);
            }
        }
    }
    for &i in &shown {
        if let (Some(g), _, _, _) = r.geomeans(i) {
            values.push(1.0 / g);
        }
    }
    let (lo, hi) = axis_range(&values);
    let (llo, lhi) = (lo.log10(), hi.log10());

    let bar_h = 13.0;
    let group_gap = 9.0;
    let group_h = bar_h * shown.len().max(1) as f64 + group_gap;
    let label_w = 215.0;
    let plot_x0 = label_w + 10.0;
    let plot_w = 600.0;
    let right_pad = 150.0;
    let width = plot_x0 + plot_w + right_pad;
    let top = 92.0;
    let nrows = rows.len() + 1; // + geometric mean
    let plot_h = group_h * nrows as f64 + 8.0;
    let height = top + plot_h + 50.0;
    let x = |v: f64| plot_x0 + (v.log10() - llo) / (lhi - llo) * plot_w;

    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.0} {h:.0}" font-family="DejaVu Sans, Arial, Helvetica, sans-serif" font-size="12">"#,
        w = width,
        h = height
    );
    let _ = writeln!(s, r#"<rect x="0" y="0" width="{:.0}" height="{:.0}" fill="white"/>"#, width, height);
    let _ = writeln!(
        s,
        r#"<text x="12" y="24" font-size="16" font-weight="bold">Speedup over CPython (median wall time; log scale; right of 1x = faster)</text>"#
    );
    let unavailable: Vec<&str> = r.impls.iter().filter(|i| i.unavailable.is_some()).map(|i| i.name.as_str()).collect();
    let mut sub = format!(
        "{}; {} UTC; median of {} timed runs per cell",
        r.meta.mode_label,
        &r.meta.started[..16.min(r.meta.started.len())],
        r.meta.repeat
    );
    if !unavailable.is_empty() {
        sub.push_str(&format!("; not available: {}", unavailable.join(", ")));
    }
    let _ = writeln!(s, r##"<text x="12" y="42" fill="#444">{}</text>"##, esc(&sub));
    // legend
    let mut lx = 12.0;
    for (k, &i) in shown.iter().enumerate() {
        let name = &r.impls[i].name;
        let _ =
            writeln!(s, r#"<rect x="{:.1}" y="54" width="12" height="12" fill="{}"/>"#, lx, COLORS[k % COLORS.len()]);
        let _ = writeln!(s, r#"<text x="{:.1}" y="64.5">{}</text>"#, lx + 16.0, esc(name));
        lx += 16.0 + 7.5 * name.len() as f64 + 18.0;
    }
    // grid and tick labels
    for t in ticks(lo, hi) {
        let tx = x(t);
        let (stroke, sw) = if (t - 1.0).abs() < 1e-9 { ("#333", 1.5) } else { ("#ddd", 1.0) };
        let _ = writeln!(
            s,
            r#"<line x1="{tx:.1}" y1="{y1:.1}" x2="{tx:.1}" y2="{y2:.1}" stroke="{stroke}" stroke-width="{sw}"/>"#,
            y1 = top - 6.0,
            y2 = top + plot_h
        );
        let label = if t >= 1.0 { format!("{}x", t) } else { format!("{}x", (t * 1000.0).round() / 1000.0) };
        let _ = writeln!(
            s,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill="#555">{}</text>"##,
            tx,
            top - 10.0,
            label
        );
        let _ = writeln!(
            s,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill="#555">{}</text>"##,
            tx,
            top + plot_h + 16.0,
            label
        );
    }
    let one = x(1.0);
    let mut y = top + 4.0;
    // Each value: (implementation's colour index, Ok((speedup, note after the number)) or
    // Err(why there is none)).
    type Vals = Vec<(usize, Result<(f64, String), String>)>;
    let draw_row = |s: &mut String, y: f64, label: &str, bold: bool, vals: Vals| {
        let _ = writeln!(
            s,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="end"{}>{}</text>"#,
            label_w,
            y + group_h / 2.0 - 1.0,
            if bold { r#" font-weight="bold""# } else { "" },
            esc(label)
        );
        for (k, (color_idx, v)) in vals.into_iter().enumerate() {
            let by = y + k as f64 * bar_h;
            let color = COLORS[color_idx % COLORS.len()];
            match v {
                Ok((v, note)) => {
                    let (x0, x1) = if v >= 1.0 { (one, x(v)) } else { (x(v), one) };
                    let _ = writeln!(
                        s,
                        r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{}"><title>{}</title></rect>"#,
                        x0,
                        by,
                        (x1 - x0).max(1.0),
                        bar_h - 2.0,
                        color,
                        esc(&format!("{}: {} ({})", label, fmt_ratio(v), r.impls[shown[color_idx]].name))
                    );
                    let tx = if v >= 1.0 { x1 + 4.0 } else { one + 4.0 };
                    let _ = writeln!(
                        s,
                        r#"<text x="{:.1}" y="{:.1}" font-size="10.5">{}</text>"#,
                        tx,
                        by + bar_h - 3.5,
                        esc(&format!("{}{}", fmt_ratio(v), note))
                    );
                }
                Err(why) => {
                    let _ = writeln!(
                        s,
                        r##"<text x="{:.1}" y="{:.1}" font-size="10.5" fill="#c0392b">{}</text>"##,
                        one + 4.0,
                        by + bar_h - 3.5,
                        esc(&why)
                    );
                }
            }
        }
    };
    for &b in &rows {
        let vals: Vals = shown
            .iter()
            .enumerate()
            .map(|(k, &i)| {
                let v = match r.ratio(b, i) {
                    Some(x) => Ok((1.0 / x, String::new())),
                    None => Err(match &r.cells[b][i].status {
                        Status::Fail(w) => format!("FAIL: {}", w.split(" (").next().unwrap_or(w)),
                        Status::NotRun(_) => "not run".to_string(),
                        Status::Pass => "no reference".to_string(),
                    }),
                };
                (k, v)
            })
            .collect();
        draw_row(&mut s, y, &r.benches[b].name, false, vals);
        y += group_h;
    }
    let vals: Vals = shown
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let (g, _, passed, total) = r.geomeans(i);
            // Over fewer programs than the others: say so next to the number.
            let note = if passed < total { format!("  (over {}/{} passed)", passed, total) } else { String::new() };
            (k, g.map(|g| (1.0 / g, note)).ok_or_else(|| format!("no passing programs ({}/{})", passed, total)))
        })
        .collect();
    let _ = writeln!(
        s,
        r##"<line x1="12" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#999" stroke-dasharray="4 3"/>"##,
        y - group_gap / 2.0,
        width - 12.0,
        y - group_gap / 2.0
    );
    draw_row(&mut s, y, "geometric mean (programs)", true, vals);
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_covers_data_and_one() {
        assert_eq!(axis_range(&[0.3, 2.5]), (0.2, 5.0));
        assert_eq!(axis_range(&[1.5]), (0.5, 2.0));
        assert_eq!(axis_range(&[0.04]), (0.02, 2.0));
        assert_eq!(axis_range(&[]), (0.5, 2.0));
        let t = ticks(0.2, 5.0);
        assert_eq!(t.len(), 5);
        assert!((t[0] - 0.2).abs() < 1e-12 && (t[4] - 5.0).abs() < 1e-12);
    }

    #[test]
    fn escapes() {
        assert_eq!(esc("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }
}
