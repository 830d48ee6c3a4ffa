package io.github.modelartsjobs.http;

import java.util.Objects;

/**
 * How requests prove who sends them: an access key and secret key that sign each request, a fixed
 * IAM token, or a user name and password from which IAM tokens are obtained.
 *
 * <p>{@link #toString()} of every kind names the kind only (and, for IAM, the user and domain),
 * never a key, a token or a password.
 */
sealed interface Credentials {

  /** One word for messages, such as {@code AK/SK}. */
  String kind();

  /** An access key (AK) and secret key (SK), which sign each request. */
  record AccessKey(String accessKey, String secretKey) implements Credentials {

    /** Checks that neither key is null. */
    public AccessKey {
      Objects.requireNonNull(accessKey, "accessKey");
      Objects.requireNonNull(secretKey, "secretKey");
    }

    @Override
    public String kind() {
      return "AK/SK";
    }

    @Override
    public String toString() {
      return "AccessKey{****}";
    }
  }

  /** A fixed IAM token, sent as {@code X-Auth-Token}; it cannot be refreshed. */
  record Token(String token) implements Credentials {

    /** Checks that the token is not null. */
    public Token {
      Objects.requireNonNull(token, "token");
    }

    @Override
    public String kind() {
      return "token";
    }

    @Override
    public String toString() {
      return "Token{****}";
    }
  }

  /** An IAM user name, password and domain (account) name, from which tokens are obtained. */
  record IamPassword(String user, String password, String domain) implements Credentials {

    /** Checks that no part is null. */
    public IamPassword {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(domain, "domain");
    }

    @Override
    public String kind() {
      return "IAM password";
    }

    @Override
    public String toString() {
      return "IamPassword{user=" + user + ", domain=" + domain + ", password=****}";
    }
  }
}
