// The one path by which Tally writes to its standard output and standard error.
//
// Foundation's FileHandle.write traps when a write fails (a full disk, a closed descriptor, a file
// size limit), and print() loses the error in stdio's buffer. Here every write is a write(2) loop
// that reports failure; the first failure is kept, later writes are skipped, and the command stops
// and says so (`error: cannot write output: No space left on device`, exit status 1).

import Foundation
import TallyData

/// A standard stream written directly with write(2).
final class StandardStream: @unchecked Sendable {
    static let output = StandardStream(STDOUT_FILENO)
    static let error = StandardStream(STDERR_FILENO)

    let descriptor: Int32
    private let lock = NSLock()
    /// errno of the first write that failed.
    private var failedWith: Int32?
    private var failureTold = false

    private init(_ descriptor: Int32) { self.descriptor = descriptor }

    /// Writes all of `text`; false when this write or an earlier one failed.
    @discardableResult
    func write(_ text: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard failedWith == nil else { return false }
        var text = text
        failedWith = text.withUTF8 { Descriptor.writeAll(descriptor, UnsafeRawBufferPointer($0)) }
        return failedWith == nil
    }

    /// The first failed write, if any.
    var failure: IOError? {
        lock.lock()
        defer { lock.unlock() }
        return failedWith.map(IOError.init)
    }

    var hasFailed: Bool { failure != nil }

    /// The failure, the first time it is asked for (so it is reported once), else nil.
    func failureToReport() -> IOError? {
        lock.lock()
        defer { lock.unlock() }
        guard let failedWith, !failureTold else { return nil }
        failureTold = true
        return IOError(code: failedWith)
    }

    /// All of standard input, read with read(2) (FileHandle traps on a read error).
    static func readInput() -> Result<[UInt8], IOError> {
        var input: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = block.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n < 0 { return .failure(IOError(code: errno)) }
            if n == 0 { return .success(input) }
            input += block[0..<n]
        }
    }

    /// Makes sure descriptors 0, 1 and 2 are open before anything else is: a file opened while one
    /// is closed would take its number, and output meant for the terminal would go into it (or a
    /// data file would be read as standard input). A closed one is reserved with /dev/null opened
    /// read-only, so reading it gives end of input and writing it fails with EBADF, exactly as
    /// writing the closed descriptor would.
    static func reserveStandardDescriptors() {
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let null = open("/dev/null", O_RDONLY)
            if null >= 0, null != fd {
                dup2(null, fd)
                close(null)
            }
        }
    }
}
