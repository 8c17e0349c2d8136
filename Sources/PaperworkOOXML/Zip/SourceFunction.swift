import CLibZip
import Foundation

/// A libzip source function answered by a Swift object, which libzip keeps retained until it frees the source.
///
/// The object keeps the source's last error for `ZIP_SOURCE_ERROR`; subclasses answer the other commands.
class SourceFunction {
    private var error = zip_error_t()

    init() { zip_error_init(&error) }

    deinit { zip_error_fini(&error) }

    /// Answers one command (every one but `ZIP_SOURCE_FREE` and `ZIP_SOURCE_ERROR`).
    func handle(_ command: zip_source_cmd_t, _ data: UnsafeMutableRawPointer?, _ length: UInt64) -> Int64 {
        fail(ZIP_ER_OPNOTSUPP)
    }

    /// Records an error for libzip to ask for, and returns -1.
    final func fail(_ code: Int32) -> Int64 {
        zip_error_set(&error, code, errno)
        return -1
    }

    /// Gives a libzip function that reports into an error the source's own.
    final func reportingErrors<T>(_ body: (inout zip_error_t) -> T) -> T { body(&error) }

    /// The answer to `ZIP_SOURCE_SUPPORTS`: these commands, with `ERROR`, `FREE` and `SUPPORTS`.
    static func supporting(_ commands: [zip_source_cmd_t]) -> Int64 {
        (commands + [ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, ZIP_SOURCE_SUPPORTS]).reduce(0) { $0 | (Int64(1) << Int64($1.rawValue)) }
    }

    /// A new source for `archive`; libzip owns it once it is added.
    static func source(_ function: SourceFunction, in archive: OpaquePointer) -> OpaquePointer? {
        let box = Unmanaged.passRetained(function)
        guard let made = zip_source_function(archive, callback, box.toOpaque()) else {
            box.release()
            return nil
        }
        return made
    }

    /// A new source of its own (to open an archive on); libzip owns it.
    static func source(_ function: SourceFunction, error: inout zip_error_t) -> OpaquePointer? {
        let box = Unmanaged.passRetained(function)
        guard let made = zip_source_function_create(callback, box.toOpaque(), &error) else {
            box.release()
            return nil
        }
        return made
    }

    private static let callback: zip_source_callback = { state, data, length, command in
        let function = Unmanaged<SourceFunction>.fromOpaque(state!)
        switch command {
        case ZIP_SOURCE_FREE:
            function.release()
            return 0
        case ZIP_SOURCE_ERROR:
            guard let data else { return -1 }
            return function.takeUnretainedValue().reportingErrors { zip_error_to_data(&$0, data, length) }
        default:
            return function.takeUnretainedValue().handle(command, data, length)
        }
    }
}
