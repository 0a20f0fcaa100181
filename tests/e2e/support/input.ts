/**
 * A reader's input, the same in both browsers: the mouse and keyboard of playwright-core
 * (Chromium) and puppeteer-core (Firefox ESR) are real input events, dispatched by the
 * browser as a person's would be (they reach closed shadow roots, fire hover and selection),
 * and the screenshot is what the screen shows.
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { KeyInput, Page as PuppeteerPage } from 'puppeteer-core';

export interface RealInput {
  /** Moves the pointer to a viewport point, through `steps` intermediate moves. */
  mouseMove(x: number, y: number, steps?: number): Promise<void>;
  mouseDown(): Promise<void>;
  mouseUp(): Promise<void>;
  /** A left click at a viewport point. */
  mouseClick(x: number, y: number): Promise<void>;
  /** Turns the mouse wheel (scrolls what is under the pointer). */
  wheel(deltaY: number): Promise<void>;
  /** Types text into whatever has the keyboard focus. */
  type(text: string): Promise<void>;
  /** Presses a key, with modifiers joined by '+' (e.g. 'Tab', 'Control+Enter'). */
  press(key: string): Promise<void>;
  /** The viewport as painted, PNG. */
  screenshot(): Promise<Buffer>;
}

export function playwrightInput(page: PlaywrightPage): RealInput {
  return {
    mouseMove: (x, y, steps = 1) => page.mouse.move(x, y, { steps }),
    mouseDown: () => page.mouse.down(),
    mouseUp: () => page.mouse.up(),
    mouseClick: (x, y) => page.mouse.click(x, y),
    wheel: (deltaY) => page.mouse.wheel(0, deltaY),
    type: (text) => page.keyboard.type(text),
    press: (key) => page.keyboard.press(key),
    screenshot: () => page.screenshot(),
  };
}

export function puppeteerInput(page: PuppeteerPage): RealInput {
  return {
    mouseMove: (x, y, steps = 1) => page.mouse.move(x, y, { steps }),
    mouseDown: () => page.mouse.down(),
    mouseUp: () => page.mouse.up(),
    mouseClick: (x, y) => page.mouse.click(x, y),
    wheel: (deltaY) => page.mouse.wheel({ deltaY }),
    type: (text) => page.keyboard.type(text),
    press: (key) => pressCombination(page, key),
    screenshot: async () => Buffer.from(await page.screenshot()),
  };
}

/** Puppeteer presses one key at a time: hold the modifiers around the last key. */
async function pressCombination(page: PuppeteerPage, combination: string): Promise<void> {
  const keys = combination.split('+') as KeyInput[];
  const key = keys.pop()!;
  for (const modifier of keys) await page.keyboard.down(modifier);
  await page.keyboard.press(key);
  for (const modifier of keys.reverse()) await page.keyboard.up(modifier);
}
