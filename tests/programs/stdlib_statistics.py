import statistics as st
from fractions import Fraction
from decimal import Decimal

data = [2.5, 3.25, 5.5, 11.25, 11.75]
print(st.mean(data), st.fmean(data), st.median(data), st.median([1, 3, 5, 7]), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]))
print(st.mode([1, 1, 2, 3, 3, 3]), st.multimode("aabbbcccc"), st.mean([1, 2, 3, 4]), st.mean([Fraction(1, 3), Fraction(2, 3)]))
print(st.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.pstdev([1, 2, 3, 4]), st.variance([2, 4, 4, 4, 5, 5, 7, 9]), st.pvariance([1, 2, 3]))
print(st.harmonic_mean([40, 60]), st.geometric_mean([54, 24, 36]), st.quantiles(range(1, 11), n=4), st.median_grouped([1, 2, 2, 3, 4]))
print(st.mean([Decimal("0.5"), Decimal("0.75")]), st.correlation([1, 2, 3, 4], [2, 4, 5, 9]), st.covariance([1, 2, 3], [1, 3, 2]))
print(st.linear_regression([1, 2, 3, 4], [3, 5, 7, 9]))
nd = st.NormalDist(mu=100, sigma=15)
print(nd.cdf(115), nd.inv_cdf(0.5), nd.pdf(100), nd.mean, nd.stdev, nd + 5, round(nd.overlap(st.NormalDist(110, 15)), 6))
try:
    st.mean([])
except st.StatisticsError as e:
    print("StatisticsError", e)
