/// Why a draw cannot be committed, run, or continued; each with an English and a Chinese message.
public enum DrawError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The rules cannot be run.
    case invalidRules(String)
    /// Two pool entries share an id.
    case duplicateExpert(String)
    /// Two exclusions share an id.
    case duplicateExclusion(String)
    /// Two contributions name the same party.
    case duplicateParty(String)
    /// Beacon randomness must be 32 bytes.
    case beaconRandomnessLength(Int)
    /// The beacon randomness is not SHA-256 of the round's signature.
    case beaconRandomnessNotFromSignature(round: UInt64)
    /// A contribution value must be 32 bytes.
    case contributionValueLength(party: String, count: Int)
    /// SHA-256 of the revealed value is not the commitment the party published.
    case revealDoesNotMatchCommitment(party: String)
    /// The draw's inputs differ from the commitment logged before it.
    case commitmentMismatch(DrawMismatch)
    /// Only a member of the committee can decline.
    case notOnCommittee(String)
    /// No eligible expert is left in the category to take a declined seat.
    case noReplacement(category: String, declined: String)
    /// The result commitment's salt is shorter than ``ResultCommitment/minimumSaltLength``.
    case saltTooShort(Int)
    /// A beacon round's JSON cannot be read.
    case invalidBeacon(String)

    public var description: String {
        "\(self.english) / \(self.chinese)"
    }

    /// The message in English.
    public var english: String {
        switch self {
        case .invalidRules(let reason): "Invalid draw rules: \(reason)"
        case .duplicateExpert(let id): "Expert \(id) appears twice in the pool"
        case .duplicateExclusion(let id): "Expert \(id) is excluded twice"
        case .duplicateParty(let party): "Party \(party) contributes twice"
        case .beaconRandomnessLength(let count): "Beacon randomness must be 32 bytes, found \(count)"
        case .beaconRandomnessNotFromSignature(let round): "Beacon randomness of round \(round) is not SHA-256 of its signature"
        case .contributionValueLength(let party, let count): "The value revealed by \(party) must be 32 bytes, found \(count)"
        case .revealDoesNotMatchCommitment(let party): "The value revealed by \(party) does not match its commitment"
        case .commitmentMismatch(let mismatch): "The draw does not match its commitment: \(mismatch)"
        case .notOnCommittee(let id): "Expert \(id) is not on the committee"
        case .noReplacement(let category, let declined): "No eligible reserve in \(category) can replace \(declined); a new draw is needed"
        case .saltTooShort(let count): "The result salt must be at least \(ResultCommitment.minimumSaltLength) bytes, found \(count)"
        case .invalidBeacon(let reason): "The beacon round cannot be read: \(reason)"
        }
    }

    /// The message in Chinese.
    public var chinese: String {
        switch self {
        case .invalidRules(let reason): "抽取规则无效：\(reason)"
        case .duplicateExpert(let id): "专家\(id)在专家库中重复出现"
        case .duplicateExclusion(let id): "专家\(id)被重复列入回避名单"
        case .duplicateParty(let party): "参与方\(party)重复提供随机数"
        case .beaconRandomnessLength(let count): "信标随机数应为32字节，实际为\(count)字节"
        case .beaconRandomnessNotFromSignature(let round): "第\(round)轮信标随机数与其签名不符"
        case .contributionValueLength(let party, let count): "\(party)揭示的随机数应为32字节，实际为\(count)字节"
        case .revealDoesNotMatchCommitment(let party): "\(party)揭示的随机数与其事先承诺不符"
        case .commitmentMismatch(let mismatch): "抽取与事先公布的承诺不符：\(mismatch.field)"
        case .notOnCommittee(let id): "专家\(id)不是评标委员会成员"
        case .noReplacement(let category, let declined): "\(category)类别已无符合条件的候补专家替补\(declined)，须重新抽取"
        case .saltTooShort(let count): "结果承诺的盐值至少\(ResultCommitment.minimumSaltLength)字节，实际为\(count)字节"
        case .invalidBeacon(let reason): "无法读取信标轮次：\(reason)"
        }
    }
}
