package io.fleetcare.ingest.mqtt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.List;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS trust from PEM certificates (e.g. a private broker CA) instead of the JVM's trust store. */
final class TrustedCertificates {
  private TrustedCertificates() {}

  /**
   * The X.509 certificates in {@code pem}.
   *
   * @throws IllegalArgumentException when the text holds no certificate or a malformed one
   */
  static List<Certificate> parse(String pem) {
    try {
      List<Certificate> certificates =
          List.copyOf(
              CertificateFactory.getInstance("X.509")
                  .generateCertificates(
                      new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException("trusted certificates: no PEM certificate found");
      }
      return certificates;
    } catch (CertificateException e) {
      throw new IllegalArgumentException(
          "trusted certificates are not valid PEM X.509 certificates: " + e.getMessage(), e);
    }
  }

  /** A socket factory whose TLS connections trust exactly the certificates in {@code pem}. */
  static SocketFactory socketFactory(String pem) {
    try {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      List<Certificate> certificates = parse(pem);
      for (int i = 0; i < certificates.size(); i++) {
        trust.setCertificateEntry("trusted-" + i, certificates.get(i));
      }
      TrustManagerFactory trustManagers =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trustManagers.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot set up TLS with the trusted certificates", e);
    }
  }
}
