package io.aigw.keys.providerkey;

/** A vault value could not be encrypted or decrypted. The message never contains key material. */
public class VaultException extends RuntimeException {

    public VaultException(String message) {
        super(message, null, false, false);
    }
}
