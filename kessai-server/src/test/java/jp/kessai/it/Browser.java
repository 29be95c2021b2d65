package jp.kessai.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian's packages, driven through Debian's chromedriver. Nothing is downloaded: the browser
 * binary and the driver executable are given explicitly, so Selenium Manager never runs.
 */
final class Browser {

    static final String CHROMIUM = System.getProperty("kessai.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("kessai.chromedriver", "/usr/bin/chromedriver");

    private Browser() {}

    static ChromeDriver start() throws IOException {
        return start(new String[0]);
    }

    /** With extra Chromium switches, e.g. {@code --host-resolver-rules=…}. */
    static ChromeDriver start(String... extraArguments) throws IOException {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("the browser tier needs Debian's chromium and chromium-driver packages"
                    + " (.ci/run installs them): " + CHROMIUM + ", " + CHROMEDRIVER);
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createTempDirectory("kessai-chromium").toAbsolutePath());
        options.addArguments(extraArguments);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
