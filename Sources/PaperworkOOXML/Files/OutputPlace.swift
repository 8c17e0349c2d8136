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
        try checkFolder(url.deletingLastPathComponent().path)
    }

    /// Checks that `folder` is a folder that can be written to, or can be made: no file stands on its path,
    /// and the nearest existing folder above it is writable.
    public static func checkFolder(_ folder: String) throws(OutputError) {
        var url = URL(fileURLWithPath: folder).standardized
        while true {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) {
                guard isDir.boolValue else { throw .notAFolder(path: url.path) }
                guard access(url.path, W_OK | X_OK) == 0 else { throw .folderNotWritable(path: url.path) }
                return
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { throw .folderNotWritable(path: folder) }
            url = parent
        }
    }

    /// Makes `folder` and the folders above it that are missing.
    public static func makeFolder(_ folder: String) throws(OutputError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), !isDir.boolValue { throw .notAFolder(path: folder) }
            throw .folderNotWritable(path: folder)
        }
    }

    /// Makes the folder that will hold `path`.
    public static func makeFolder(holding path: String) throws(OutputError) {
        try makeFolder(URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }
}
