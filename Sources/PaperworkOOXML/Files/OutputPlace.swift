import Foundation

/// Checks an output's place before anything is written, and makes its folders when the time comes.
///
/// A missing folder is not an error: it is made as `mkdir -p` would, but only once the job writes, so that a job
/// stopped by invalid data leaves no trace. What is checked first: the extension, a file in the way of a folder,
/// an existing file (without `overwrite`), and that the nearest existing folder can be written to.
public enum OutputPlace {
    /// Checks that a file can be written at `path`; `extensions` are the lowercased ones allowed (empty: any).
    public static func checkFile(_ path: String, extensions: [String], overwrite: Bool) throws(OutputError) {
        let url = URL(fileURLWithPath: path)
        if !extensions.isEmpty && !extensions.contains(url.pathExtension.lowercased()) {
            throw .wrongExtension(path: path, expected: extensions)
        }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
            if isDir.boolValue { throw .notAFolder(path: path) }
            if !overwrite { throw .exists(path: path) }
        }
        try checkFolder(url.deletingLastPathComponent().path, output: path)
    }

    /// Checks that `folder` is a folder that can be written to, or can be made: no file stands on its path,
    /// and the nearest existing folder above it is writable. `output` is the file a failure names, if any.
    public static func checkFolder(_ folder: String, output: String? = nil) throws(OutputError) {
        var url = URL(fileURLWithPath: folder).standardized
        while true {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) {
                guard isDir.boolValue else { throw .notAFolder(path: url.path) }
                guard access(url.path, W_OK | X_OK) == 0 else { throw .failed(path: output ?? folder, cause: .last(.create)) }
                return
            }
            url = url.deletingLastPathComponent()
        }
    }

    /// Makes `folder` and the folders above it that are missing.
    public static func makeFolder(_ folder: String) throws(OutputError) {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDir) {
            guard isDir.boolValue else { throw .notAFolder(path: folder) }
            return
        }
        let parent = URL(fileURLWithPath: folder).deletingLastPathComponent().path
        if parent != folder { try makeFolder(parent) }
        guard mkdir(folder, 0o777) == 0 || errno == EEXIST else { throw .failed(path: folder, cause: .last(.create)) }
    }

    /// Makes the folder that will hold `path`.
    public static func makeFolder(holding path: String) throws(OutputError) {
        try makeFolder(URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }
}
