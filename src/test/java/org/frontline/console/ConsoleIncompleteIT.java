package org.frontline.console;

import org.frontline.sourcedata.Walkthrough;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A source that does not answer, in the browser: the packaged demo with ASEANAPOL given 1 ms per call
 * (it never answers in time; no walkthrough subject lives there), so that a document nobody holds is
 * INCOMPLETE, not a no-hit, and the console says which source did not answer and why — its status in
 * the per-source list as its event arrived, before the answer, and again under the answer.
 */
class ConsoleIncompleteIT {

    private static DemoInBrowser demo;
    private static ChromeDriver browser;

    @BeforeAll
    static void startTheDemoWithASourceThatNeverAnswersInTime() throws Exception {
        // INTERPOL, which the slowed-source test holds back with a lock, may take seconds within the deadline
        demo = DemoInBrowser.start("console-incomplete-demo", "-Dfrontline.sources.aseanapol.timeout=1ms",
                "-Dfrontline.sources.interpol.timeout=8s", "-Dfrontline.search.default-deadline=8s",
                "-Dfrontline.search.max-deadline=10s");
        browser = demo.browser;
    }

    @AfterAll
    static void stop() throws Exception {
        if (demo != null) {
            demo.close();
        }
    }

    /**
     * A slowed source, for real: INTERPOL's stolen-document table is locked in the demo's own database
     * (a second session holds an ACCESS EXCLUSIVE lock), so INTERPOL's query waits on the lock while the
     * others answer. The page must show the four other sources' statuses while no answer is there yet;
     * once the lock is released INTERPOL answers and the stolen passport is a HIT.
     */
    @Test
    void aSlowedSourceLeavesTheOthersProgressOnThePageBeforeTheAnswer() throws Exception {
        Matcher url = Pattern.compile("jdbc:postgresql://127\\.0\\.0\\.1:(\\d+)/fq_demo_interpol")
                .matcher(Files.readString(demo.log()));
        assertTrue(url.find(), "the demo's log names INTERPOL's database: " + demo.log());
        signInAs("fra-border");
        browser.findElement(By.cssSelector(".tab[data-form=document]")).click();
        browser.findElement(By.id("document-number")).sendKeys(Walkthrough.STOLEN_PASSPORT_NUMBER);
        browser.findElement(By.id("document-country")).sendKeys(Walkthrough.STOLEN_PASSPORT_COUNTRY);
        browser.findElement(By.id("document-purpose")).sendKeys("border control, entry");
        try (Connection interpol = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + url.group(1)
                + "/fq_demo_interpol", "postgres", "")) {
            interpol.setAutoCommit(false);
            try (Statement lock = interpol.createStatement()) {
                lock.execute("LOCK TABLE sltd_document IN ACCESS EXCLUSIVE MODE");
            }
            browser.findElement(By.cssSelector("#form-document button[type=submit]")).click();
            WebDriverWait progress = new WebDriverWait(browser, Duration.ofSeconds(6), Duration.ofMillis(50));
            int others = demo.sourcesAsked() - 1;
            progress.until(d -> d.findElements(By.cssSelector("#progress li")).size() >= others);
            List<String> shown = browser.findElements(By.cssSelector("#progress li")).stream().map(WebElement::getText).toList();
            assertEquals(others, shown.size(), "every other source has answered, INTERPOL waits: " + shown);
            assertTrue(shown.stream().noneMatch(s -> s.startsWith("interpol")), "INTERPOL is not among them: " + shown);
            assertTrue(browser.findElements(By.cssSelector("[data-testid=banner]")).isEmpty(),
                    "no answer while INTERPOL is held back");
            Thread.sleep(500);
            assertTrue(browser.findElements(By.cssSelector("[data-testid=banner]")).isEmpty(),
                    "still no answer half a second later");
            interpol.rollback();   // the lock goes: INTERPOL's query runs
        }
        WebElement banner = new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=banner]")));
        assertEquals("HIT", banner.getDomAttribute("data-outcome"), banner.getText());
        WebElement interpolLine = browser.findElement(By.cssSelector("#progress li[data-source=interpol]"));
        assertEquals("OK", interpolLine.getDomAttribute("data-status"), interpolLine.getText());
        List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertTrue(severe.isEmpty(), "the browser logged no errors: " + severe);
    }

    private void signInAs(String preset) {
        browser.get(demo.base + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("demo-signin")));
        new Select(browser.findElement(By.id("demo-preset"))).selectByValue(preset);
        browser.findElement(By.id("demo-sign-in")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("view-search")));
    }

    @Test
    void anUnansweredSourceMakesTheAnswerIncompleteAndTheConsoleSaysWhich() {
        browser.get(demo.base + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("demo-signin")));
        new Select(browser.findElement(By.id("demo-preset"))).selectByValue("fra-border");
        browser.findElement(By.id("demo-sign-in")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("view-search")));
        browser.findElement(By.cssSelector(".tab[data-form=document]")).click();
        browser.findElement(By.id("document-number")).sendKeys(Walkthrough.UNKNOWN_DOCUMENT_NUMBER);
        browser.findElement(By.id("document-country")).sendKeys(Walkthrough.UNKNOWN_DOCUMENT_COUNTRY);
        browser.findElement(By.id("document-purpose")).sendKeys("border control, entry");
        browser.findElement(By.cssSelector("#form-document button[type=submit]")).click();

        WebElement banner = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=banner]")));
        assertEquals("INCOMPLETE", banner.getDomAttribute("data-outcome"), "not a no-hit: " + banner.getText());
        WebElement aseanapol = browser.findElement(By.cssSelector("#progress li[data-source=aseanapol]"));
        assertTrue(aseanapol.getDomAttribute("class").contains("bad") && !"OK".equals(aseanapol.getDomAttribute("data-status")),
                "its own status in the per-source list: " + aseanapol.getText());
        assertEquals(demo.sourcesAsked(), browser.findElements(By.cssSelector("#progress li")).size(),
                "every source's status was listed");
        String unanswered = browser.findElement(By.cssSelector("[data-testid=unanswered]")).getText();
        assertTrue(unanswered.startsWith("Not answered:") && unanswered.contains("aseanapol: "), unanswered);
        assertTrue(!unanswered.contains("interpol") && !unanswered.contains("europol"), "only the source that did not answer: " + unanswered);

        List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertTrue(severe.isEmpty(), "the browser logged no errors: " + severe);
    }
}
