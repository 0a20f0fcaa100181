/** The popup renders once, complete, when its first answers are in (its shell if they are slow). */
import { firstAnswers, services } from './start-reads';
import { mountPopup } from './mount';

void firstAnswers.then((first) => mountPopup(document.getElementById('app')!, services, first));
