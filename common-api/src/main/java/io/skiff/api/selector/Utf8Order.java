package io.skiff.api.selector;

import java.util.Comparator;

/**
 * Go's string order: byte-wise over UTF-8, which is code point order. Java's compareTo orders
 * UTF-16 units, which differs for characters beyond the BMP; selectors sort as Kubernetes does.
 */
final class Utf8Order {

    static final Comparator<String> COMPARATOR = Utf8Order::compare;

    private Utf8Order() {
    }

    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
