// One libpq connection: statements with bound parameters, rows as text, COPY in.

import CLibPQ
import Foundation
import TallyData
import TallyDiagnostics
import TallySQL

/// Rows returned by a statement, every value as PostgreSQL's text output (nil for null).
public struct PostgresRows: Sendable {
    public var columns: [(name: String, type: UInt32)]
    public var rows: [[String?]]
}

/// A connection to PostgreSQL. Values always travel as parameters, apart from the statement's text.
///
/// A connection the server drops (it was stopped, restarted, or ended the session) is said once, by
/// the statement that met it, as `the connection to the server was lost`; the next statement
/// connects again, as psql does, and says so once (`takeReconnection`). The server's notices are
/// not printed (libpq would write them raw to stderr); the last one gives the reason a connection
/// was lost.
public final class PostgresConnection: @unchecked Sendable {
    private let connection: OpaquePointer
    /// The SQLSTATE of the last statement that failed (`22003`: a number out of range).
    public private(set) var lastErrorState: String?
    private let notices = Notices()
    /// A lost connection was made again since the caller last asked.
    private var reconnected = false

    /// Connects with a libpq connection string or URL (`postgresql://user@host:port/db`); what the
    /// string leaves out comes from the PG* variables and ~/.pgpass, as for psql. Messages never
    /// repeat the string, which may hold a password.
    public init(_ target: String) throws(Diagnostic) {
        guard !target.utf8.contains(0) else { throw Diagnostic("the connection string holds a NUL character") }
        if let why = tally_pq_open() {
            throw Diagnostic(
                "cannot connect to PostgreSQL: its client library cannot be loaded (\(String(cString: why)))",
                help: "install libpq (Debian and Ubuntu: apt-get install libpq5)")
        }
        guard let c = tally_PQconnectdb(target) else { throw Diagnostic("cannot connect to PostgreSQL: out of memory") }
        guard tally_PQstatus(c) == CONNECTION_OK else {
            let message = Self.text(tally_PQerrorMessage(c))
            tally_PQfinish(c)
            throw Diagnostic(
                "cannot connect to PostgreSQL: \(message)",
                help: "check the host, port, database and user; passwords come from the URL, PGPASSWORD or ~/.pgpass")
        }
        connection = c
        tally_PQsetNoticeProcessor(c, { box, message in
            guard let box, let message else { return }
            Unmanaged<Notices>.fromOpaque(box).takeUnretainedValue().last = String(cString: message)
        }, Unmanaged.passUnretained(notices).toOpaque())
        try configure()
    }

    /// Timestamps are UTC throughout, and doubles print at full precision; notices (a table that did
    /// not exist to drop) are not for Tally's users. Run on every new connection.
    private func configure() throws(Diagnostic) {
        try execute("SET TIME ZONE 'UTC'")
        try execute("SET extra_float_digits = 3")
        try execute("SET client_min_messages = warning")
    }

    /// Makes the connection again if the server dropped it; true when it did. When the server is
    /// still away, the error says so and the next call tries again.
    @discardableResult
    public func reconnectIfLost() throws(Diagnostic) -> Bool {
        guard tally_PQstatus(connection) == CONNECTION_BAD else { return false }
        tally_PQreset(connection)
        guard tally_PQstatus(connection) == CONNECTION_OK else {
            let reason = Self.text(tally_PQerrorMessage(connection)).split(separator: "\n").first.map(String.init) ?? ""
            throw Diagnostic(
                "PostgreSQL: no connection to the server: \(reason)",
                help: "each statement tries to connect again; is the server running?")
        }
        notices.last = nil
        try configure()
        reconnected = true
        return true
    }

    /// Whether a lost connection was made again since the last call (and forget it).
    public func takeReconnection() -> Bool {
        defer { reconnected = false }
        return reconnected
    }

    /// The failure of a statement that lost the connection, with the server's reason when it gave one.
    private func connectionLost(_ result: OpaquePointer?) -> Diagnostic {
        let fatal = result.flatMap { tally_PQresultErrorField($0, Int32(UInt8(ascii: "M"))) }.map { String(cString: $0) }
        // A notice reads "WARNING:  terminating connection due to ..."; the words after the severity say why.
        let notice = notices.last.map { $0.split(separator: ":", maxSplits: 1).last.map(String.init) ?? $0 }
        let reason = (fatal ?? notice)?.trimmingCharacters(in: .whitespacesAndNewlines)
        notices.last = nil
        return Diagnostic(
            "PostgreSQL: the connection to the server was lost" + (reason.map { " (\($0))" } ?? ""),
            help: "the next statement connects again")
    }

    deinit { tally_PQfinish(connection) }

    /// The server's name for what was connected to, without credentials: `user@host:port/db`.
    public var description: String {
        let user = Self.text(tally_PQuser(connection))
        let host = Self.text(tally_PQhost(connection))
        let port = Self.text(tally_PQport(connection))
        let db = Self.text(tally_PQdb(connection))
        return "\(user)@\(host):\(port)/\(db)"
    }

    /// Runs a statement without parameters (DDL, settings).
    public func execute(_ sql: String) throws(Diagnostic) {
        _ = try query(sql, parameters: [])
    }

    /// Runs one statement with its `$n` placeholders bound to `parameters`, typed, in text form.
    /// While it runs, `isCancelled` is asked every 50 ms; when it says yes the server is asked to
    /// stop the statement (as psql does on Ctrl-C), and the call fails with `cancelled`.
    public func query(_ sql: String, parameters: [SQLValue], isCancelled: () -> Bool = { false }) throws(Diagnostic)
        -> PostgresRows
    {
        let encoded = try parameters.map(Self.encode)
        try reconnectIfLost()
        let types = encoded.map(\.type)
        let sent = withCStrings(encoded.map(\.text)) { values in
            tally_PQsendQueryParams(connection, sql, Int32(parameters.count), types, values, nil, nil, 0)
        }
        let cancelled = sent == 1 && awaitResult(isCancelled)
        // As PQexec: the statement's result is the last one.
        var result: OpaquePointer?
        while sent == 1, let next = tally_PQgetResult(connection) {
            if let result { tally_PQclear(result) }
            result = next
        }
        defer { if let result { tally_PQclear(result) } }
        if tally_PQstatus(connection) == CONNECTION_BAD { throw connectionLost(result) }
        guard let result else { throw Diagnostic("PostgreSQL: \(Self.text(tally_PQerrorMessage(connection)))") }
        switch tally_PQresultStatus(result) {
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK:
            lastErrorState = nil
            return Self.rows(result)
        default:
            lastErrorState = tally_PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            if cancelled, lastErrorState == "57014" {
                throw Diagnostic("cancelled", help: "the query was stopped with Ctrl-C")
            }
            throw Self.failure(result)
        }
    }

    /// Reads the server's answer as it comes, until it is whole; true when `isCancelled` said yes
    /// and the server was asked to stop the statement.
    private func awaitResult(_ isCancelled: () -> Bool) -> Bool {
        var asked = false
        var socket = pollfd(fd: tally_PQsocket(connection), events: Int16(POLLIN), revents: 0)
        while tally_PQisBusy(connection) == 1 {
            if !asked, isCancelled() {
                asked = true
                if let cancel = tally_PQgetCancel(connection) {
                    var reason = [CChar](repeating: 0, count: 256)
                    _ = tally_PQcancel(cancel, &reason, Int32(reason.count))
                    tally_PQfreeCancel(cancel)
                }
            }
            _ = poll(&socket, 1, 50)
            // A broken connection: PQgetResult says so.
            if tally_PQconsumeInput(connection) == 0 { break }
        }
        return asked
    }

    /// `COPY ... FROM STDIN`: sends the chunks as they come.
    public func copy(_ sql: String, chunks: some Sequence<[UInt8]>) throws(Diagnostic) {
        try reconnectIfLost()
        guard let start = tally_PQexec(connection, sql) else { throw Diagnostic("PostgreSQL: \(Self.text(tally_PQerrorMessage(connection)))") }
        let status = tally_PQresultStatus(start)
        if status != PGRES_COPY_IN {
            defer { tally_PQclear(start) }
            throw Self.failure(start)
        }
        tally_PQclear(start)
        var sendError: String?
        for chunk in chunks {
            let sent = chunk.withUnsafeBufferPointer { b in
                b.baseAddress.map { base in
                    base.withMemoryRebound(to: CChar.self, capacity: b.count) { tally_PQputCopyData(connection, $0, Int32(b.count)) }
                } ?? 1
            }
            if sent != 1 {
                sendError = Self.text(tally_PQerrorMessage(connection))
                break
            }
        }
        _ = tally_PQputCopyEnd(connection, sendError)
        var failure: Diagnostic?
        while let result = tally_PQgetResult(connection) {
            if tally_PQresultStatus(result) != PGRES_COMMAND_OK, failure == nil { failure = Self.failure(result) }
            tally_PQclear(result)
        }
        if let failure { throw failure }
        if let sendError { throw Diagnostic("PostgreSQL: \(sendError)") }
    }

    // MARK: Conversions

    /// A parameter's type (by PostgreSQL's type id) and text.
    private static func encode(_ v: SQLValue) throws(Diagnostic) -> (type: UInt32, text: String) {
        switch v {
        case .text(let s):
            guard !s.utf8.contains(0) else { throw Diagnostic("PostgreSQL text cannot hold a NUL character") }
            return (PostgresType.text, s)
        case .integer(let i): return (PostgresType.int8, String(i))
        case .decimal(let s): return (PostgresType.numeric, s)
        case .double(let d): return (PostgresType.float8, String(d))
        case .bool(let b): return (PostgresType.bool, b ? "true" : "false")
        case .date(let d): return (PostgresType.date, CivilDate.format(d))
        }
    }

    private static func rows(_ result: OpaquePointer) -> PostgresRows {
        let n = tally_PQnfields(result)
        let columns = (0..<n).map { (name: text(tally_PQfname(result, $0)), type: UInt32(tally_PQftype(result, $0))) }
        let rows = (0..<tally_PQntuples(result)).map { r in
            (0..<n).map { c -> String? in tally_PQgetisnull(result, r, c) == 1 ? nil : text(tally_PQgetvalue(result, r, c)) }
        }
        return PostgresRows(columns: columns, rows: rows)
    }

    private static func failure(_ result: OpaquePointer) -> Diagnostic {
        let primary = tally_PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) }
        let message = primary ?? text(tally_PQresultErrorMessage(result))
        let hint = tally_PQresultErrorField(result, Int32(UInt8(ascii: "H"))).map { String(cString: $0) }
        return Diagnostic("PostgreSQL: \(message.trimmingSpace)", help: hint)
    }

    private static func text(_ p: UnsafePointer<CChar>?) -> String {
        p.map { String(cString: $0).trimmingSpace } ?? ""
    }

    private static func text(_ p: UnsafeMutablePointer<CChar>?) -> String {
        p.map { String(cString: $0).trimmingSpace } ?? ""
    }
}

/// The last notice the server sent, kept by libpq's notice processor.
private final class Notices: @unchecked Sendable {
    var last: String?
}

/// Hands C functions an array of C strings that live for the call.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    let copies = strings.map { s in s.withCString { strdup($0) } }
    defer { copies.forEach { free($0) } }
    return body(copies.map { $0.map { UnsafePointer($0) } })
}

extension String {
    var trimmingSpace: String {
        var s = Substring(self)
        while let last = s.last, last.isWhitespace { s.removeLast() }
        return String(s)
    }
}
