import { runs } from '../runs';
import { describeInputCleaning } from './input-cleaning.property';

describeInputCleaning(runs(150, 15));
