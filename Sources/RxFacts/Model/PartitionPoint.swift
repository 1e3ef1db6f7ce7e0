extension RandomAccessCollection {
    /// The index of the first element for which `isInSecondPart` holds, by binary search; the
    /// collection must be partitioned by it (every element that fails comes before every one that
    /// holds), as a sorted collection is by "is at or after x". `endIndex` when none holds.
    func partitionPoint(where isInSecondPart: (Element) throws -> Bool) rethrows -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if try isInSecondPart(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
