internal import CLibXML2

/// Facts about the libxml2 build rxfacts is linked against.
public enum LibXML2 {
    /// The dotted version of libxml2 this binary was compiled against, e.g. "2.9.14".
    public static var version: String { String(cString: shim_xmlVersion()) }
}

extension LibXML2 {
    /// Reads `bytes` with a bare `xmlTextReaderRead` loop (no rxfacts checks) and returns the
    /// number of nodes, or -1 on a parse error. For benchmarks: libxml2's own reading speed.
    public static func textReaderNodeCount(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { buffer -> Int in
            guard let base = buffer.baseAddress else { return -1 }
            let maybeReader = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReaderForMemory($0, Int32(buffer.count), nil, nil, LibXML2Validator.options)
            }
            guard let reader = maybeReader else { return -1 }
            defer { xmlFreeTextReader(reader) }
            var count = 0
            while true {
                let status = xmlTextReaderRead(reader)
                if status == 1 {
                    count += 1
                    continue
                }
                return status == 0 ? count : -1
            }
        }
    }
}
