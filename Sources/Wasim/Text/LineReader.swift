import Foundation

/// Reads a file or a pipe line by line as raw bytes, without holding the whole input in
/// memory, so that invalid UTF-8 can be reported per line rather than silently repaired.
public struct LineReader: Sequence, IteratorProtocol {
    private let handle: FileHandle
    /// Bytes read but not yet returned start at `start`.
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private let chunkSize: Int

    /// Reads from a file handle (e.g. `FileHandle.standardInput`).
    public init(handle: FileHandle, chunkSize: Int = 1 << 16) {
        self.handle = handle
        self.chunkSize = chunkSize
    }

    /// The next line without its `\n` (and without a `\r` before it), or nil at the end.
    public mutating func next() -> Data? {
        var searched = start
        while true {
            let newline: Int? = buffer.withUnsafeBufferPointer { bytes in
                guard searched < bytes.count, let base = bytes.baseAddress,
                      let found = memchr(base + searched, 0x0A, bytes.count - searched) else { return nil }
                return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            if let newline {
                let end = newline > start && buffer[newline - 1] == 0x0D ? newline - 1 : newline
                let line = Data(buffer[start..<end])
                start = newline + 1
                return line
            }
            searched = buffer.count
            if atEnd {
                guard start < buffer.count else { return nil }
                let end = buffer.last == 0x0D ? buffer.count - 1 : buffer.count
                defer { start = buffer.count }
                return Data(buffer[start..<end])
            }
            // Drop what was returned before reading more.
            if start > 0 {
                buffer.removeSubrange(0..<start)
                searched -= start
                start = 0
            }
            // read(2) returns what is there now, so a pipe's lines are seen as they arrive
            // (FileHandle.read(upToCount:) would wait for a whole chunk).
            let previous = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: chunkSize))
            let count = buffer.withUnsafeMutableBytes { read(handle.fileDescriptor, $0.baseAddress! + previous, chunkSize) }
            buffer.removeLast(chunkSize - Swift.max(count, 0))
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { atEnd = true }
        }
    }
}
