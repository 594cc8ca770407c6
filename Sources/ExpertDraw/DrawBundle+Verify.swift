extension DrawBundle {
    /// Reproduces the whole draw from the bundle's inputs and names the first field that differs: rules,
    /// roots, beacon, contributions, seed, every ticket and ranking place, selections, reserves, declines,
    /// the result commitment, and — when the commitment logged before the draw is given — that too.
    ///
    /// Not checked here: the beacon's BLS signature (needs BLS12-381) and that the beacon round lay in
    /// the future when the commitment was logged (needs the log's time; see ``DrandChain``).
    public func verify(against commitment: DrawCommitment? = nil) -> DrawVerification {
        do throws(DrawMismatch) {
            let seed = try self.verifyInputs()
            try self.verifyResult(seed: seed)
            let seats = try self.verifyDeclines()
            try self.verifyResultCommitment()
            if let commitment, let mismatch = commitment.mismatch(with: self) { throw mismatch }
            return .verified(seed: seed, committee: seats)
        } catch {
            return .mismatch(error)
        }
    }

    /// Rules, roots, randomness and seed; returns the recomputed seed.
    private func verifyInputs() throws(DrawMismatch) -> DrawDigest {
        do { try self.rules.validate() } catch { throw DrawMismatch(field: "rules", expected: "valid rules", found: error.english) }
        let canonical = self.rules.canonicalJSON
        try Self.expect("rules_canonical", canonical, self.rulesCanonical)
        let poolRoot: DrawDigest
        do { poolRoot = try DrawRoots.pool(self.pool) } catch { throw DrawMismatch(field: "pool", expected: "unique ids", found: error.english) }
        try Self.expect("pool_root", poolRoot.hex, self.poolRoot.hex)
        let exclusionsRoot: DrawDigest
        do { exclusionsRoot = try DrawRoots.exclusions(self.excluded) } catch {
            throw DrawMismatch(field: "excluded", expected: "unique ids", found: error.english)
        }
        try Self.expect("exclusions_root", exclusionsRoot.hex, self.exclusionsRoot.hex)
        let beacon = self.randomness.beacon
        try Self.expect("beacon.randomness", "32 bytes", "\(beacon.randomness.count) bytes")
        if let signature = beacon.signature {
            try Self.expect("beacon.randomness", DrawDigest.sha256(signature).hex, Hex.encode(beacon.randomness))
        }
        var parties = Set<String>()
        for (index, contribution) in self.randomness.contributions.enumerated() {
            if !parties.insert(contribution.party).inserted {
                throw DrawMismatch(field: "contributions[\(index)].party", expected: "a party not named before", found: contribution.party)
            }
            try Self.expect("contributions[\(index)].value", "32 bytes", "\(contribution.value.count) bytes")
            try Self.expect("contributions[\(index)].commitment", DrawDigest.sha256(contribution.value).hex, contribution.commitment.hex)
        }
        let seed = ExpertDraw.seed(
            drawID: self.drawID, poolRoot: poolRoot, exclusionsRoot: exclusionsRoot, rulesCanonical: canonical, randomness: self.randomness
        )
        try Self.expect("seed", seed.hex, self.seed.hex)
        return seed
    }

    /// Every category's ranking (ids and tickets), selection and reserves.
    private func verifyResult(seed: DrawDigest) throws(DrawMismatch) {
        let recomputed = TicketRanking(seed: seed).draw(pool: self.pool, excluded: Set(self.excluded.map(\.id)), rules: self.rules)
        for expected in recomputed.categories {
            let path = "result.\(expected.category)"
            guard let found = self.result[expected.category] else { throw DrawMismatch(field: path, expected: "present", found: "missing") }
            for (index, (want, have)) in zip(expected.ranking, found.ranking).enumerated() where want != have {
                try Self.expect("\(path).ranking[\(index)].id", want.id, have.id)
                try Self.expect("\(path).ranking[\(index)].ticket", want.ticket.hex, have.ticket.hex)
            }
            try Self.expect("\(path).ranking", "\(expected.ranking.count) entries", "\(found.ranking.count) entries")
            try Self.expect("\(path).selected", Self.list(expected.selected), Self.list(found.selected))
            try Self.expect("\(path).reserve_in_order", Self.list(expected.reserveInOrder), Self.list(found.reserveInOrder))
        }
        if let extra = self.result.categories.first(where: { recomputed[$0.category] == nil }) {
            throw DrawMismatch(field: "result.\(extra.category)", expected: "absent (not in rules.order)", found: "present")
        }
    }

    /// Replays the declines, checking each recorded replacement; returns the committee after them.
    private func verifyDeclines() throws(DrawMismatch) -> [CommitteeSeat] {
        var replay = SeatReplay(drawnFrom: self)
        for (index, decline) in self.declines.enumerated() {
            let computed: String
            do {
                computed = try replay.replace(decline.id)
            } catch {
                throw DrawMismatch(field: "declines[\(index)].id", expected: "a committee member whose seat can be refilled", found: error.english)
            }
            try Self.expect("declines[\(index)].replacement", computed, decline.replacement)
        }
        return replay.seats
    }

    /// The salted result hash, when the bundle reveals it.
    private func verifyResultCommitment() throws(DrawMismatch) {
        guard let commitment = self.resultCommitment else { return }
        if commitment.salt.count < ResultCommitment.minimumSaltLength {
            throw DrawMismatch(
                field: "result_commitment.salt", expected: "at least \(ResultCommitment.minimumSaltLength) bytes", found: "\(commitment.salt.count) bytes"
            )
        }
        let hash = Self.resultHash(salt: commitment.salt, drawID: self.drawID, seed: self.seed, result: self.result)
        try Self.expect("result_commitment.hash", hash.hex, commitment.hash.hex)
    }

    private static func expect(_ field: String, _ expected: String, _ found: String) throws(DrawMismatch) {
        if expected != found { throw DrawMismatch(field: field, expected: expected, found: found) }
    }

    private static func list(_ ids: [String]) -> String {
        "[" + ids.joined(separator: ", ") + "]"
    }
}

extension DrawMismatch: Error {}
