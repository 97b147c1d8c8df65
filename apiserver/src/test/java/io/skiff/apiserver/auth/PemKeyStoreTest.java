package io.skiff.apiserver.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.testing.SelfSignedCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEM certificate and key files into a key store: PKCS#8 and PKCS#1 keys, and clear errors. */
class PemKeyStoreTest {
    @TempDir
    Path dir;

    @Test
    void loadsACertificateAndItsPkcs8Key() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir);
        KeyStore ks = PemKeyStore.load(cert.certFile(), cert.keyFile(), "pw".toCharArray());
        assertThat(ks.getCertificate(PemKeyStore.ALIAS)).isEqualTo(cert.certificate());
        assertThat(ks.getKey(PemKeyStore.ALIAS, "pw".toCharArray()).getEncoded()).isEqualTo(cert.key().getEncoded());
    }

    @Test
    void readsPkcs1RsaKeysAsOpensslWritesThem() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir);
        byte[] pkcs8 = cert.key().getEncoded();
        // an RSA PKCS#8 key is a fixed 26-byte header around the PKCS#1 key
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
        assertThat(PemKeyStore.wrapPkcs1(pkcs1)).isEqualTo(pkcs8);
        Path key = dir.resolve("rsa.key");
        Files.writeString(key, SelfSignedCertificate.pem("RSA PRIVATE KEY", pkcs1));
        KeyStore ks = PemKeyStore.load(cert.certFile(), key, "pw".toCharArray());
        assertThat(ks.getKey(PemKeyStore.ALIAS, "pw".toCharArray()).getEncoded()).isEqualTo(pkcs8);
    }

    @Test
    void unusableKeysAreExplained() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir);
        Path key = dir.resolve("bad.key");
        Files.writeString(key, "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
        assertThatThrownBy(() -> PemKeyStore.load(cert.certFile(), key, "pw".toCharArray()))
                .isInstanceOf(GeneralSecurityException.class).hasMessageContaining("encrypted");
        Files.writeString(key, "not a key");
        assertThatThrownBy(() -> PemKeyStore.load(cert.certFile(), key, "pw".toCharArray()))
                .isInstanceOf(GeneralSecurityException.class).hasMessageContaining("no PEM private key");
    }
}
