package io.skiff.api.resource;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;

/**
 * An amount of a resource as Kubernetes' {@code resource.Quantity}: {@code 100m}, {@code 0.5},
 * {@code 128Mi}, {@code 1G}, {@code 1e3}. The value is exact (a BigDecimal, rounded up to nano
 * precision as Kubernetes does); the format (binary, decimal SI or exponent) is remembered from
 * the input and used when printing the canonical form: {@code 0.5 -> 500m},
 * {@code 1000m -> 1}, {@code 1536Mi -> 1536Mi}, {@code 1.5Gi -> 1536Mi}.
 *
 * <p>Two quantities are {@link #equals equal} when they denote the same amount, whatever their
 * spelling, as Kubernetes' semantic equality compares quantities.
 */
@JsonSerialize(using = Quantity.Serializer.class)
@JsonDeserialize(using = Quantity.Deserializer.class)
public final class Quantity implements Comparable<Quantity> {
    /** How a quantity prints: the family of its suffix. */
    public enum Format { BINARY_SI, DECIMAL_SI, DECIMAL_EXPONENT }

    private static final Map<String, Integer> DECIMAL_SUFFIXES = Map.of(
            "n", -9, "u", -6, "m", -3, "", 0, "k", 3, "M", 6, "G", 9, "T", 12, "P", 15, "E", 18);
    private static final String[] DECIMAL_BY_EXPONENT = {"n", "u", "m", "", "k", "M", "G", "T", "P", "E"};
    private static final Map<String, Integer> BINARY_SUFFIXES = Map.of(
            "Ki", 10, "Mi", 20, "Gi", 30, "Ti", 40, "Pi", 50, "Ei", 60);
    private static final String[] BINARY_BY_POWER = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    private static final BigInteger KI = BigInteger.valueOf(1024);
    private static final BigDecimal KI_AMOUNT = BigDecimal.valueOf(1024);
    /** 2^0, 2^10, ... 2^60: what a binary suffix multiplies by. */
    private static final BigDecimal[] BINARY_FACTORS = new BigDecimal[BINARY_BY_POWER.length];
    private static final long[] POWERS_OF_TEN = {1, 10, 100};

    static {
        for (int power = 0; power < BINARY_FACTORS.length; power++) {
            BINARY_FACTORS[power] = BigDecimal.valueOf(1L << (10 * power));
        }
    }
    /** Kubernetes keeps nine fractional digits and rounds anything smaller up. */
    private static final int NANO_SCALE = 9;

    private final BigDecimal amount;
    private final Format format;
    /** The canonical form, computed once: quantities are printed every time their object is encoded. */
    private String canonical;

    private Quantity(BigDecimal amount, Format format) {
        BigDecimal rounded = amount.scale() > NANO_SCALE ? amount.setScale(NANO_SCALE, RoundingMode.UP) : amount;
        this.amount = rounded.signum() == 0 ? BigDecimal.ZERO : rounded.stripTrailingZeros();
        this.format = format;
    }

    /** Parses the Kubernetes quantity syntax; throws {@link InvalidQuantityException} with the reason. */
    public static Quantity parse(String s) {
        if (s == null || s.isEmpty()) {
            throw new InvalidQuantityException(s == null ? "null" : "", "empty");
        }
        int i = 0;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            i++;
        }
        int digits = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            throw new InvalidQuantityException(s, "no number");
        }
        BigDecimal number = new BigDecimal(s.substring(0, i).endsWith(".")
                ? s.substring(0, i - 1) : s.substring(0, i));
        String suffix = s.substring(i);
        Integer exp10 = DECIMAL_SUFFIXES.get(suffix);
        if (exp10 != null) {
            return new Quantity(number.scaleByPowerOfTen(exp10), Format.DECIMAL_SI);
        }
        Integer exp2 = BINARY_SUFFIXES.get(suffix);
        if (exp2 != null) {
            return new Quantity(number.multiply(BINARY_FACTORS[exp2 / 10]), Format.BINARY_SI);
        }
        if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
            String exponent = suffix.substring(1);
            if (!exponent.matches("[+-]?[0-9]{1,9}")) {
                throw new InvalidQuantityException(s, "bad exponent \"" + suffix + "\"");
            }
            int e = Integer.parseInt(exponent);
            if (Math.abs(e) > 1000) {
                throw new InvalidQuantityException(s, "exponent out of range");
            }
            return new Quantity(number.scaleByPowerOfTen(e), Format.DECIMAL_EXPONENT);
        }
        throw new InvalidQuantityException(s, "unknown suffix \"" + suffix + "\"");
    }

    /** An integral amount printed in decimal SI ({@code 1k}, {@code 5}). */
    public static Quantity of(long value) {
        return new Quantity(BigDecimal.valueOf(value), Format.DECIMAL_SI);
    }

    /** A milli amount ({@code ofMilli(500)} is {@code 500m}). */
    public static Quantity ofMilli(long milli) {
        return new Quantity(BigDecimal.valueOf(milli, 3), Format.DECIMAL_SI);
    }

    /** A byte count printed with binary suffixes ({@code ofBytes(134217728)} is {@code 128Mi}). */
    public static Quantity ofBytes(long bytes) {
        return new Quantity(BigDecimal.valueOf(bytes), Format.BINARY_SI);
    }

    public BigDecimal amount() {
        return amount;
    }

    public Format format() {
        return format;
    }

    /** The value rounded up, away from zero, to an integer (Kubernetes' {@code Value()}). */
    public long value() {
        return amount.setScale(0, RoundingMode.UP).longValueExact();
    }

    /** The value in thousandths rounded up, away from zero (Kubernetes' {@code MilliValue()}). */
    public long milliValue() {
        return amount.scaleByPowerOfTen(3).setScale(0, RoundingMode.UP).longValueExact();
    }

    public int signum() {
        return amount.signum();
    }

    @Override
    public int compareTo(Quantity o) {
        return amount.compareTo(o.amount);
    }

    public Quantity add(Quantity o) {
        return new Quantity(amount.add(o.amount), format);
    }

    public Quantity subtract(Quantity o) {
        return new Quantity(amount.subtract(o.amount), format);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantity q && amount.compareTo(q.amount) == 0;
    }

    @Override
    public int hashCode() {
        return amount.hashCode();
    }

    /** The canonical form, as Kubernetes prints it. */
    @Override
    public String toString() {
        String s = canonical;
        if (s == null) {
            s = canonicalForm();
            canonical = s; // a benign race: every thread computes the same immutable string
        }
        return s;
    }

    private String canonicalForm() {
        return canonicalForm(true);
    }

    /** The canonical form with BigInteger arithmetic throughout: what the long shortcuts must agree with. */
    String canonicalFormExact() {
        return canonicalForm(false);
    }

    /**
     * @param shortcuts whether amounts whose digits fit a long are printed with long arithmetic:
     *     most are, and encoding prints every quantity of every object it writes
     */
    private String canonicalForm(boolean shortcuts) {
        if (amount.signum() == 0) {
            return "0";
        }
        Format f = format;
        if (f == Format.BINARY_SI) {
            // Small or fractional binary amounts print in decimal, as Kubernetes does: exact, no rounding.
            boolean small = amount.abs().compareTo(KI_AMOUNT) < 0;
            boolean integral = amount.scale() <= 0;
            if (small || !integral) {
                f = Format.DECIMAL_SI;
            } else {
                return binaryString(shortcuts);
            }
        }
        // mantissa * 10^exponent with exponent a multiple of 3 and the mantissa integral.
        int exponent = -amount.scale();
        int shift = Math.floorMod(exponent, 3);
        exponent -= shift;
        if (shortcuts && amount.precision() <= 16 && exponent <= 18) {
            long mantissa = amount.unscaledValue().longValue() * POWERS_OF_TEN[shift];
            if (f == Format.DECIMAL_EXPONENT) {
                return exponent == 0 ? Long.toString(mantissa) : mantissa + "e" + exponent;
            }
            return mantissa + DECIMAL_BY_EXPONENT[exponent / 3 + 3];
        }
        BigInteger unscaled = amount.unscaledValue().multiply(BigInteger.TEN.pow(shift));
        if (f == Format.DECIMAL_EXPONENT) {
            return exponent == 0 ? unscaled.toString() : unscaled + "e" + exponent;
        }
        if (exponent > 18) {
            unscaled = unscaled.multiply(BigInteger.TEN.pow(exponent - 18));
            exponent = 18;
        }
        return unscaled + DECIMAL_BY_EXPONENT[exponent / 3 + 3];
    }

    private String binaryString(boolean shortcuts) {
        if (shortcuts && amount.precision() - amount.scale() <= 18) { // an integer below 10^18
            long v = amount.longValue();
            int power = Math.min(Long.numberOfTrailingZeros(v) / 10, BINARY_BY_POWER.length - 1);
            return (v >> (10 * power)) + BINARY_BY_POWER[power];
        }
        BigInteger v = amount.toBigIntegerExact();
        int power = 0;
        while (power < BINARY_BY_POWER.length - 1 && v.mod(KI).signum() == 0) {
            v = v.divide(KI);
            power++;
        }
        return v + BINARY_BY_POWER[power];
    }

    static final class Serializer extends StdSerializer<Quantity> {
        Serializer() {
            super(Quantity.class);
        }

        @Override
        public void serialize(Quantity q, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(q.toString());
        }
    }

    /** Accepts a JSON string or, as Kubernetes does, a JSON number ({@code "cpu": 0.5}). */
    static final class Deserializer extends StdDeserializer<Quantity> {
        Deserializer() {
            super(Quantity.class);
        }

        @Override
        public Quantity deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            String text;
            if (t == JsonToken.VALUE_STRING) {
                text = p.getText();
            } else if (t == JsonToken.VALUE_NUMBER_INT) {
                text = p.getBigIntegerValue().toString();
            } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                text = p.getDecimalValue().toPlainString();
            } else {
                return (Quantity) ctxt.handleUnexpectedToken(Quantity.class, p);
            }
            try {
                return parse(text);
            } catch (InvalidQuantityException e) {
                throw InvalidFormatException.from(p, e.getMessage(), text, Quantity.class);
            }
        }
    }
}
