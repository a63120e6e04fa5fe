import { defineApp, version as platformVersion } from 'zapier-platform-core';
import packageJson from './package.json';
import authentication from './authentication';
import channelList from './triggers/channel_list';
import newMessage from './triggers/new_message';
import staffList from './triggers/staff_list';
import newContact from './triggers/new_contact';
import createContact from './creates/create_contact';
import updateContact from './creates/update_contact';
import createContactNote from './creates/create_contact_note';
import createConversation from './creates/create_conversation';
import findContact from './searches/find_contact';
import newConversation from './triggers/new_conversation';
import conversationList from './triggers/conversation_list';
import contactList from './triggers/contact_list';
import createMessage from './creates/create_message';
import updateConversation from './creates/update_conversation';
import findConversation from './searches/find_conversation';
import newSatisfactionRating from './triggers/new_satisfaction_rating';
import responseTemplateList from './triggers/response_template_list';
import findResponseTemplate from './searches/find_response_template';
import conversationStatusChanged from './triggers/conversation_status_changed';
import conversationAssigned from './triggers/conversation_assigned';
import conversationTagAdded from './triggers/conversation_tag_added';
import findMessages from './searches/find_messages';
import findStaffMember from './searches/find_staff_member';
import apiRequest from './creates/api_request';
import newArticle from './triggers/new_article';
import articleList from './triggers/article_list';
import topicList from './triggers/topic_list';
import createArticle from './creates/create_article';
import updateArticle from './creates/update_article';
import newIncident from './triggers/new_incident';
import incidentUpdated from './triggers/incident_updated';
import incidentList from './triggers/incident_list';
import systemList from './triggers/system_list';
import createIncident from './creates/create_incident';
import createIncidentUpdate from './creates/create_incident_update';
import getReport from './searches/get_report';

/** The Re:amaze integration: one registry entry per operation, each defined in its own file. */
export default defineApp({
  version: packageJson.version,
  platformVersion,
  authentication,
  flags: {
    // Empty optional fields must reach our code as empty so each operation decides (see lib/input/read.ts).
    cleanInputData: false,
    // lib/http/client.ts maps 429s itself, with a readable message and an HTTP-date Retry-After.
    throwForThrottlingEarly: false,
  },
  triggers: {
    [channelList.key]: channelList,
    [newMessage.key]: newMessage,
    [staffList.key]: staffList,
    [newContact.key]: newContact,
    [newConversation.key]: newConversation,
    [conversationList.key]: conversationList,
    [contactList.key]: contactList,
    [newSatisfactionRating.key]: newSatisfactionRating,
    [responseTemplateList.key]: responseTemplateList,
    [conversationStatusChanged.key]: conversationStatusChanged,
    [conversationAssigned.key]: conversationAssigned,
    [conversationTagAdded.key]: conversationTagAdded,
    [newArticle.key]: newArticle,
    [articleList.key]: articleList,
    [topicList.key]: topicList,
    [newIncident.key]: newIncident,
    [incidentUpdated.key]: incidentUpdated,
    [incidentList.key]: incidentList,
    [systemList.key]: systemList,
  },
  creates: {
    [createContact.key]: createContact,
    [updateContact.key]: updateContact,
    [createContactNote.key]: createContactNote,
    [createConversation.key]: createConversation,
    [createMessage.key]: createMessage,
    [updateConversation.key]: updateConversation,
    [apiRequest.key]: apiRequest,
    [createArticle.key]: createArticle,
    [updateArticle.key]: updateArticle,
    [createIncident.key]: createIncident,
    [createIncidentUpdate.key]: createIncidentUpdate,
  },
  searches: {
    [findContact.key]: findContact,
    [findConversation.key]: findConversation,
    [findResponseTemplate.key]: findResponseTemplate,
    [findMessages.key]: findMessages,
    [findStaffMember.key]: findStaffMember,
    [getReport.key]: getReport,
  },
  searchOrCreates: {
    find_contact: {
      key: 'find_contact',
      display: {
        label: 'Find or Create Contact',
        description:
          'Finds a contact by email, mobile, name or custom data; updates the one found, or creates one.',
      },
      search: 'find_contact',
      create: 'create_contact',
      // "Keep a contact in sync" in one step: the contact found is updated with the fields given.
      // No searchUniqueInputToOutputConstraint: Find Contact already keeps only exact email and
      // mobile matches, and Zapier does not document how it would compare (letter case, spaces).
      update: 'update_contact',
      updateInputFromSearchOutput: { contact: 'identifier' },
    },
    find_conversation: {
      key: 'find_conversation',
      display: {
        label: 'Find or Create Conversation',
        description: 'Finds a conversation, and creates one if none is found.',
      },
      search: 'find_conversation',
      create: 'create_conversation',
    },
  },
});
