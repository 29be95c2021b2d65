package jp.kessai.platform.crypto;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** Loads data keys once every singleton (Flyway included) is ready, before the web server takes requests. */
@Component
class FieldCipherInitializer implements SmartInitializingSingleton {

    private final FieldCipher cipher;

    FieldCipherInitializer(FieldCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public void afterSingletonsInstantiated() {
        cipher.initialise();
    }
}
