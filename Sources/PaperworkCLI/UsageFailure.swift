import PaperworkOOXML

/// Mistakes in how the command was called.
enum UsageFailure: LocalizedFailure {
    case oneRecordExpected(file: String, count: Int)

    func message(_ language: Language) -> String {
        switch (self, language) {
        case let (.oneRecordExpected(f, n), .zh): "\(f)：含有 \(n) 条记录，fill 只生成一份文件；多条记录请用 batch"
        case let (.oneRecordExpected(f, n), .en): "\(f): holds \(n) records; fill makes one document — use batch for many"
        }
    }
}
