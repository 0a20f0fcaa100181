/** Where the marking bench's stand-in for the background answers recognition (see launchBenchBrowser). */
export const RECOGNIZE_PATH = '/__newsmark/recognize';
