// What is not a regular file is refused at once, with what it is, and a file that cannot be opened
// says why in the system's words: a named pipe would otherwise block forever, a device never end,
// and a link loop is not a missing file.

import Foundation
import Testing

@testable import TallyData

@Suite struct FileKindTests {
    private func message(_ path: String) -> String? {
        do {
            _ = try CSVFile(path: path)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func aNamedPipeIsRefusedWithoutWaitingForAWriter() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let fifo = folder.path + "/orders.csv"
        try #require(mkfifo(fifo, 0o644) == 0)
        let started = Date()
        #expect(message(fifo) == "is a named pipe, not a regular file")
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func aDeviceAndAFolderAreRefused() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        #expect(message("/dev/null") == "is a character device, not a regular file")
        #expect(message(folder.path) == "is a directory, not a CSV file")
    }

    @Test func aLinkLoopIsNotAMissingFile() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/a.csv", withDestinationPath: "b.csv")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/b.csv", withDestinationPath: "a.csv")
        #expect(message(folder.path + "/a.csv") == "too many levels of symbolic links")
        #expect(message(folder.path + "/missing.csv") == "no such file")
    }
}
