import { describeInputCleaning } from './input-cleaning.property';

describeInputCleaning(150);
