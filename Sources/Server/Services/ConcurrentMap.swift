extension Array where Element: Sendable {
    /// Maps the elements with at most `width` transforms running at once, keeping the order of the input.
    ///
    /// For CPU-bound work such as decrypting the bids of an opening: `width` is usually the number of cores, so
    /// memory holds `width` items in flight rather than the whole array's results at once.
    func concurrentMap<T: Sendable>(width: Int, _ transform: @escaping @Sendable (Element) throws -> T) async throws -> [T] {
        var results = [T?](repeating: nil, count: self.count)
        try await withThrowingTaskGroup(of: (Int, T).self) { group in
            var next = 0
            for _ in 0..<Swift.min(Swift.max(width, 1), self.count) {
                let index = next, element = self[index]
                group.addTask { (index, try transform(element)) }
                next += 1
            }
            while let (index, value) = try await group.next() {
                results[index] = value
                if next < self.count {
                    let index = next, element = self[index]
                    group.addTask { (index, try transform(element)) }
                    next += 1
                }
            }
        }
        return results.map { $0! }
    }
}
