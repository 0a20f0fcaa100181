/** The popup's interface, evaluated while its first answers are on their way (see start-reads.ts). */
import { render } from 'preact';
import { Popup, type FirstAnswers, type PopupServices } from '@/components/Popup';
// The styles come inside the script: a stylesheet of its own was one more fetch before the
// popup could run (about 6 ms of its median first render in the popup bench).
import baseStyles from '@/components/base.css?inline';

export function mountPopup(root: HTMLElement, services: PopupServices, first: FirstAnswers | undefined): void {
  // The bench's breakdown: interface loaded (and answers in, or waited for), then rendered before paint.
  performance.mark('newsmark:popup-ui');
  const style = document.createElement('style');
  style.textContent = baseStyles;
  document.head.append(style);
  render(<Popup services={services} first={first} />, root);
  performance.mark('newsmark:popup-rendered');
}
