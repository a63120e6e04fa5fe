/** Every resource the sandbox serves, one line each: a file in this folder exporting its routes. */
export { default as channels } from './channels';
export { default as contacts } from './contacts';
export { default as conversations } from './conversations';
export { default as messages } from './messages';
export { default as staff } from './staff';
export { default as responseTemplates } from './response_templates';
export { default as satisfactionRatings } from './satisfaction_ratings';
export { default as articles } from './articles';
export { default as incidents } from './incidents';
export { default as reports } from './reports';
