package dev.betterauth4j.demo;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Headless Chromium for tests, driven through the system's chromedriver (Debian's {@code chromium} and
 * {@code chromium-driver}): both paths are given, so Selenium Manager never looks for or downloads anything.
 */
final class Browsers {

    static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(20);
    /** Held: Selenium reports through java.util.logging, and its INFO lines (CDP versions) are noise here. */
    private static final Logger SELENIUM_LOGS = Logger.getLogger("org.openqa.selenium");

    private Browsers() {
    }

    /** Fails under {@code CI=true} when Chromium or its driver is missing, and skips the test elsewhere. */
    static void requireChromium(String chromium, String chromedriver) {
        String problem = null;
        if (!Files.isExecutable(Path.of(chromium))) {
            problem = chromium + " is missing (Debian package chromium)";
        } else if (!Files.isExecutable(Path.of(chromedriver))) {
            problem = chromedriver + " is missing (Debian package chromium-driver)";
        }
        if (problem == null) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("CI=true and " + problem);
        }
        System.err.println("Skipping the browser test: " + problem);
        Assumptions.abort("Skipping the browser test: " + problem);
    }

    /** A fresh headless Chromium with its own profile in {@code profile}, kept off every network but loopback. */
    static ChromeDriver headlessChromium(String chromium, String chromedriver, Path profile) {
        SELENIUM_LOGS.setLevel(Level.WARNING);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        // This machine has no internet: without these, Chromium keeps trying to reach Google's services.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(SCRIPT_TIMEOUT);
        return driver;
    }
}
