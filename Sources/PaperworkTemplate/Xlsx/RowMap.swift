/// Where the rows of a sheet's template land once its row loops are expanded.
///
/// One map per sheet moves every reference: cells, formulas in every sheet, merges, conditional
/// formats, validations, defined names, tables, hyperlinks, breaks and the dimension.
struct RowMap: Sendable {
    struct Loop: Sendable {
        /// First and last template rows of the loop body.
        var first: Int
        var last: Int
        var count: Int
        var height: Int { last - first + 1 }
    }

    /// The loops in row order, with their item counts.
    let loops: [Loop]

    /// How far rows after `loop` moved because of it and all loops before.
    private func shift(after index: Int) -> Int {
        loops[...index].reduce(0) { $0 + ($1.count - 1) * $1.height }
    }

    private func shift(before index: Int) -> Int {
        index == 0 ? 0 : shift(after: index - 1)
    }

    private func loopIndex(containing row: Int) -> Int? {
        loops.firstIndex { row >= $0.first && row <= $0.last }
    }

    /// The new row of a template row outside loops, or of a loop row's first copy; nil when the row vanished (empty loop).
    func first(_ row: Int) -> Int? {
        for (i, loop) in loops.enumerated() where row <= loop.last {
            if row >= loop.first && loop.count == 0 { return nil }
            return row + shift(before: i)
        }
        return row + (loops.isEmpty ? 0 : shift(after: loops.count - 1))
    }

    /// The new row of a loop row's last copy (or of any other row, as `first`).
    func last(_ row: Int) -> Int? {
        guard let i = loopIndex(containing: row) else { return first(row) }
        let loop = loops[i]
        guard loop.count > 0 else { return nil }
        return row + shift(before: i) + (loop.count - 1) * loop.height
    }

    /// The new row of a template row in copy `copy` of its loop.
    func row(_ row: Int, copy: Int) -> Int {
        guard let i = loopIndex(containing: row) else { return first(row) ?? row }
        return row + shift(before: i) + copy * loops[i].height
    }

    /// The loop a row belongs to.
    func loop(containing row: Int) -> Loop? { loopIndex(containing: row).map { loops[$0] } }

    /// A range of rows after the map: a range that reaches into a loop grows to cover every copy;
    /// a range wholly inside an empty loop vanishes (nil).
    func range(_ a: Int, _ b: Int) -> (Int, Int)? {
        let lo = min(a, b), hi = max(a, b)
        var start = first(lo)
        var end = last(hi)
        if start == nil {
            var r = lo
            while start == nil && r < hi { r += 1; start = first(r) }
        }
        if end == nil {
            var r = hi
            while end == nil && r > lo { r -= 1; end = last(r) }
        }
        guard let s = start, let e = end, s <= e else { return nil }
        return (s, e)
    }

    /// A reference written in a row outside loops (or in copy `copy` of `inLoop`'s rows), moved.
    /// Single references into a loop grow to the whole run when `expand` (inside SUM and the like).
    func move(_ area: AreaRef, copy: Int? = nil, sameLoopAs loop: Loop? = nil, expand: Bool) -> AreaRef? {
        var out = area
        guard let r1 = area.start.row else { return area }
        let r2 = area.end?.row ?? r1
        if let copy, let loop, r1 >= loop.first, r2 <= loop.last {
            out.start.row = row(r1, copy: copy)
            if area.end != nil { out.end?.row = row(r2, copy: copy) }
            return out
        }
        if area.end == nil && !expand {
            guard let r = first(r1) else { return nil }
            out.start.row = r
            return out
        }
        guard let (s, e) = range(r1, r2) else { return nil }
        out.start.row = s
        if out.end == nil {
            if s == e { return out }
            out.end = AreaRef.Corner(column: area.start.column, row: e, absoluteColumn: area.start.absoluteColumn, absoluteRow: area.start.absoluteRow)
        } else {
            out.end?.row = e
        }
        return out
    }
}
