"""Valid unified social credit codes (GB 32100-2015) for invented Miyun enterprises, for samples and benchmarks."""
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code(serial, series="MA0"):
    """91110228 (Miyun, enterprise) + an organisation code with its own check + the code's check character."""
    org8 = "%s%0*d" % (series, 8 - len(series), serial)
    values = [int(c) if c.isdigit() else ord(c) - 55 for c in org8]
    c = 11 - sum(a * b for a, b in zip(values, [3, 7, 9, 10, 5, 8, 4, 2])) % 11
    first17 = "91110228" + org8 + ("X" if c == 10 else "0" if c == 11 else str(c))
    return first17 + ALPHABET[(31 - sum(ALPHABET.index(ch) * w for ch, w in zip(first17, WEIGHTS)) % 31) % 31]
