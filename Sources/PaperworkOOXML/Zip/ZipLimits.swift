/// Caps that keep a hostile archive from costing memory or time.
public struct ZipLimits: Sendable {
    /// Most entries an archive may hold.
    public var maxEntries: Int = 10_000
    /// Largest uncompressed size of one entry.
    public var maxEntrySize: UInt64 = 512 << 20
    /// Largest total uncompressed size of all entries.
    public var maxTotalSize: UInt64 = 1 << 30
    /// Highest compression ratio allowed for an entry larger than `ratioThreshold`.
    public var maxRatio: UInt64 = 200
    /// Entries smaller than this are not held to `maxRatio`.
    public var ratioThreshold: UInt64 = 16 << 20

    public init() {}
}
