import CLibZip

/// Why libzip could not read or write an archive: its error code as a value of our own, rendered from our
/// own table (never libzip's English text), plus the causes this program finds itself.
public enum ZipCause: Hashable, Sendable {
    /// A CRC check failed: the entry's bytes are not the ones stored.
    case checksum
    /// The central directory and the entries disagree.
    case inconsistent
    /// The data ends before the archive or the entry does.
    case truncated
    /// The compressed data cannot be inflated.
    case compressedData
    /// Reading, seeking or telling in the archive's bytes failed.
    case read
    /// Writing the new archive's bytes failed.
    case write
    case outOfMemory
    /// An archive split over several disks.
    case multiDisk
    /// A compression or encryption method libzip does not support.
    case unsupported
    /// An entry's bytes stopped before the size the directory declares.
    case shorterThanDeclared
    /// An entry to copy named no source archive.
    case noSourceArchive
    /// Any other libzip error code, kept as a number.
    case libzip(code: Int32)

    /// The cause for a libzip error code (`ZIP_ER_…`).
    public init(libzipCode code: Int32) {
        switch code {
        case ZIP_ER_CRC: self = .checksum
        case ZIP_ER_INCONS: self = .inconsistent
        case ZIP_ER_EOF: self = .truncated
        case ZIP_ER_COMPRESSED_DATA, ZIP_ER_ZLIB: self = .compressedData
        case ZIP_ER_READ, ZIP_ER_SEEK, ZIP_ER_TELL: self = .read
        case ZIP_ER_WRITE, ZIP_ER_CLOSE: self = .write
        case ZIP_ER_MEMORY: self = .outOfMemory
        case ZIP_ER_MULTIDISK: self = .multiDisk
        case ZIP_ER_COMPNOTSUPP, ZIP_ER_ENCRNOTSUPP, ZIP_ER_OPNOTSUPP: self = .unsupported
        default: self = .libzip(code: code)
        }
    }

    /// The cause of the last failure on an archive handle.
    static func last(of archive: OpaquePointer) -> ZipCause {
        ZipCause(libzipCode: zip_error_code_zip(zip_get_error(archive)))
    }

    /// The cause of the last failure on an open entry.
    static func last(ofFile file: OpaquePointer) -> ZipCause {
        ZipCause(libzipCode: zip_error_code_zip(zip_file_get_error(file)))
    }

    /// The cause kept in a libzip error record.
    static func of(_ error: inout zip_error_t) -> ZipCause {
        ZipCause(libzipCode: zip_error_code_zip(&error))
    }

    public func message(_ language: Language) -> String {
        switch (self, language) {
        case (.checksum, .zh): "校验和不符，内容已损坏"
        case (.checksum, .en): "checksum mismatch, the content is corrupted"
        case (.inconsistent, .zh): "目录与内容不一致"
        case (.inconsistent, .en): "the directory and the content disagree"
        case (.truncated, .zh): "数据提前结束"
        case (.truncated, .en): "the data ends too early"
        case (.compressedData, .zh): "压缩数据无效"
        case (.compressedData, .en): "the compressed data is invalid"
        case (.read, .zh): "读取数据出错"
        case (.read, .en): "the data could not be read"
        case (.write, .zh): "写入数据出错"
        case (.write, .en): "the data could not be written"
        case (.outOfMemory, .zh): "内存不足"
        case (.outOfMemory, .en): "out of memory"
        case (.multiDisk, .zh): "不支持分卷压缩包"
        case (.multiDisk, .en): "archives split over several disks are not supported"
        case (.unsupported, .zh): "使用了不支持的压缩或加密方式"
        case (.unsupported, .en): "it uses an unsupported compression or encryption method"
        case (.shorterThanDeclared, .zh): "内容比目录中声明的短"
        case (.shorterThanDeclared, .en): "shorter than the directory declares"
        case (.noSourceArchive, .zh): "没有可复制条目的源文件"
        case (.noSourceArchive, .en): "no source archive to copy the entry from"
        case let (.libzip(code), .zh): "zip 错误码 \(code)"
        case let (.libzip(code), .en): "zip error \(code)"
        }
    }
}
