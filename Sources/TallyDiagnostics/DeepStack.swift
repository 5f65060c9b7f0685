// Runs work that recurses as deep as its input allows on a thread with a stack of known size.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The parser, binder and evaluator recurse once per level of nesting in a statement, and their
/// limits (200 parentheses, 1000 operators in a chain) must hold on any thread: a test runner's or
/// a dispatch worker's stack can be a fraction of the main thread's, and sanitizers make every
/// frame several times larger. Running the work on a thread with this much stack makes the limits,
/// not the caller's thread, decide how deep input may go. The stack is reserved address space;
/// only the pages a deep statement touches are ever committed.
public enum DeepStack {
    /// 256 MiB, or under an address-space limit (`ulimit -v`) an eighth of it: the stack is address
    /// space reserved whole, and data needs the rest (the limits' recursion takes a few MiB unsanitized).
    public static let size: Int = {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return 256 << 20 }
        return min(256 << 20, max(16 << 20, Int(limit.rlim_cur / 8)))
    }()

    /// Runs `body` on a thread with a `size`-byte stack and waits for it to end. If no such thread
    /// can be started, or the calling thread has half that much stack left (it is one of these
    /// threads, as when a long script is parsed a part at a time while it runs), runs it right here.
    public static func run<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        if stackLeft() >= size / 2 { return try body() }
        return try withoutActuallyEscaping(body) { (escapable) throws(E) -> T in
            let work = Work<T, E>(escapable)
            var attributes = pthread_attr_t()
            pthread_attr_init(&attributes)
            defer { pthread_attr_destroy(&attributes) }
            pthread_attr_setstacksize(&attributes, size)
            // The thread releases `work` before it ends, and join waits for that, so the closure
            // has not escaped when this returns.
            let context = Unmanaged.passRetained(work as AnyObject).toOpaque()
            #if canImport(Glibc)
            var thread = pthread_t()
            #else
            var thread: pthread_t?
            #endif
            let started = pthread_create(&thread, &attributes, { context in
                guard let context else { return nil }
                (Unmanaged<AnyObject>.fromOpaque(context).takeRetainedValue() as? Runnable)?.run()
                return nil
            }, context)
            if started == 0 {
                #if canImport(Glibc)
                pthread_join(thread, nil)
                #else
                if let thread { pthread_join(thread, nil) }
                #endif
            } else {
                Unmanaged<AnyObject>.fromOpaque(context).release()
                work.run()
            }
            return try work.result().get()
        }
    }
}

extension DeepStack {
    /// Bytes of stack below the caller's frame on the current thread (0 when it cannot be told).
    static func stackLeft() -> Int {
        #if canImport(Glibc)
        var attributes = pthread_attr_t()
        guard getThreadAttributes(pthread_self(), &attributes) == 0 else { return 0 }
        defer { pthread_attr_destroy(&attributes) }
        var low: UnsafeMutableRawPointer?
        var length = 0
        guard pthread_attr_getstack(&attributes, &low, &length) == 0, let low else { return 0 }
        var here = 0
        return withUnsafeMutablePointer(to: &here) { low.distance(to: UnsafeMutableRawPointer($0)) }
        #else
        return 0
        #endif
    }
}

#if canImport(Glibc)
// glibc's attributes of a running thread (its stack among them); Swift's Glibc module leaves it out.
@_silgen_name("pthread_getattr_np")
private func getThreadAttributes(_ thread: pthread_t, _ attributes: UnsafeMutablePointer<pthread_attr_t>) -> Int32
#endif

private protocol Runnable: AnyObject {
    func run()
}

/// The body and its outcome; only one thread touches it at a time (the caller waits in join).
private final class Work<T, E: Error>: Runnable {
    private var body: (() throws(E) -> T)?
    private var outcome: Result<T, E>?

    init(_ body: @escaping () throws(E) -> T) { self.body = body }

    func run() {
        guard let body else { return }
        outcome = Result { () throws(E) -> T in try body() }
        self.body = nil
    }

    func result() -> Result<T, E> {
        guard let outcome else { preconditionFailure("DeepStack ran nothing") }
        return outcome
    }
}
