/// Arithmetic in GF(2⁸) with the AES reduction polynomial x⁸ + x⁴ + x³ + x + 1 (0x11B).
///
/// Multiplication uses no tables and no branches on its operands, so its timing does not depend
/// on secret bytes (shares, secrets, coefficients). Addition and subtraction are both XOR.
enum GF256 {
    /// The low byte of the reduction polynomial 0x11B.
    static let reduction: UInt8 = 0x1B

    /// a + b (and a − b): XOR.
    @inline(__always)
    static func add(_ a: UInt8, _ b: UInt8) -> UInt8 {
        a ^ b
    }

    /// a · b, by shift-and-add with masks instead of branches.
    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        var a = a
        var b = b
        var product: UInt8 = 0
        for _ in 0..<8 {
            // mask is 0xFF when the low bit of b is set, else 0x00.
            let mask = 0 &- (b & 1)
            product ^= a & mask
            let carry = 0 &- (a >> 7)
            a = (a << 1) ^ (Self.reduction & carry)
            b >>= 1
        }
        return product
    }

    /// a⁻¹ = a²⁵⁴ (Fermat), with a fixed sequence of operations; inverse(0) is 0.
    static func inverse(_ a: UInt8) -> UInt8 {
        // 254 = 0b1111_1110: square-and-multiply over a fixed exponent.
        var result: UInt8 = 1
        var power = a
        for bit in 0..<8 {
            if bit > 0 {
                result = Self.multiply(result, power)
            }
            power = Self.multiply(power, power)
        }
        return result
    }

    /// a / b for b ≠ 0.
    static func divide(_ a: UInt8, _ b: UInt8) -> UInt8 {
        precondition(b != 0, "division by zero in GF(256)")
        return Self.multiply(a, Self.inverse(b))
    }
}
