#if RXFACTS_LIBFUZZER
    import Foundation

    /// libFuzzer entry points (built by `Scripts/fuzz.sh` with `-sanitize=fuzzer,address`); the
    /// target is named by `RXFACTS_FUZZ_TARGET`.
    let fuzzTarget: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["RXFACTS_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            fatalError(
                "set RXFACTS_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return target
    }()

    @_cdecl("LLVMFuzzerTestOneInput")
    public func rxfactsFuzzOne(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
        fuzzTarget.run(bytes)
        return 0
    }

    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// SwiftPM links an executable's `main` to `<module>_main`; here that is libFuzzer's driver.
    @_cdecl("rxfacts_fuzz_main")
    public func rxfactsFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        var count = argc
        var arguments = argv
        // Load the pipeline before the first input: compiling it (a cold knowledge cache takes tens
        // of seconds on a busy machine) is not the input's time, and -timeout took it for a hang.
        fuzzTarget.prepare()
        return LLVMFuzzerRunDriver(&count, &arguments, rxfactsFuzzOne)
    }
#endif
