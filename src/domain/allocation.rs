//! Splitting money exactly: the year-end profit into the fund's parts, and a pool among
//! members by weight, to the satang, with the largest-remainder method so the parts always
//! add up to the whole.

/// Split `total` satang in proportion to `weights`. Each part gets its floor; the satang
/// left over go one each to the largest remainders (ties: the earlier part).
pub fn largest_remainder(total: i64, weights: &[i128]) -> Vec<i64> {
    let sum: i128 = weights.iter().sum();
    if sum <= 0 || total <= 0 {
        return vec![0; weights.len()];
    }
    let total128 = i128::from(total);
    let mut parts: Vec<i64> = Vec::with_capacity(weights.len());
    let mut remainders: Vec<(i128, usize)> = Vec::with_capacity(weights.len());
    for (i, w) in weights.iter().enumerate() {
        let exact = total128 * w;
        parts.push((exact / sum) as i64);
        remainders.push((exact % sum, i));
    }
    let mut left = total - parts.iter().sum::<i64>();
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, i) in remainders {
        if left == 0 {
            break;
        }
        parts[i] += 1;
        left -= 1;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_always_sum_to_the_whole() {
        assert_eq!(largest_remainder(100, &[1, 1, 1]), vec![34, 33, 33]);
        assert_eq!(
            largest_remainder(10_000_01, &[10, 40, 20, 10, 10, 10]),
            vec![100_000, 400_001, 200_000, 100_000, 100_000, 100_000]
        );
        for total in [0, 1, 7, 999, 123_456_789] {
            for weights in [vec![1, 2, 3], vec![5], vec![0, 3, 0, 7], vec![33, 33, 34]] {
                let parts = largest_remainder(total, &weights);
                assert_eq!(
                    parts.iter().sum::<i64>(),
                    if weights.iter().sum::<i128>() > 0 { total } else { 0 }
                );
                assert!(parts.iter().zip(&weights).all(|(p, w)| *w > 0 || *p == 0));
            }
        }
    }
}
