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

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

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
        demo = DemoInBrowser.start("console-incomplete-demo", "-Dfrontline.sources.aseanapol.timeout=1ms");
        browser = demo.browser;
    }

    @AfterAll
    static void stop() throws Exception {
        if (demo != null) {
            demo.close();
        }
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
        assertEquals(5, browser.findElements(By.cssSelector("#progress li")).size(), "every source's status was listed");
        String unanswered = browser.findElement(By.cssSelector("[data-testid=unanswered]")).getText();
        assertTrue(unanswered.startsWith("Not answered:") && unanswered.contains("aseanapol: "), unanswered);
        assertTrue(!unanswered.contains("interpol") && !unanswered.contains("europol"), "only the source that did not answer: " + unanswered);

        List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertTrue(severe.isEmpty(), "the browser logged no errors: " + severe);
    }
}
