/*
 * entities_words.c - the words the entities and quotes stages know by
 * name: titles and roles, heads of organisations' and places' names,
 * particles of Arabic and European names, common given names (with their
 * usual gender), words that never start a name, months and weekdays,
 * naming words ("nicknamed"), and speech verbs by lemma.
 *
 * One table, sorted by the folded word (upper case, no accents), looked
 * up by binary search.  The lists are ours, written from common knowledge
 * of news English and of names in the region Khaldun reads most; they
 * decide only cues (a title before a name makes it a person), never a
 * result alone.
 */
#include "extract.h"

#include "../text/text.h"

#include <stdlib.h>
#include <string.h>
#include <stdatomic.h>
#include <threads.h>

enum {
    W_TITLE = KH_W_TITLE, W_ROLE = KH_W_ROLE, W_ORGHEAD = KH_W_ORGHEAD,
    W_ORGWORD = KH_W_ORGWORD, W_PLACEHEAD = KH_W_PLACEHEAD,
    W_PLACENOUN = KH_W_PLACENOUN, W_PARTICLE = KH_W_PARTICLE,
    W_PERSONCUE = KH_W_PERSONCUE, W_GIVEN = KH_W_GIVEN, W_MALE = KH_W_MALE,
    W_FEMALE = KH_W_FEMALE, W_STOP = KH_W_STOP, W_TIME = KH_W_TIME,
    W_NAMING = KH_W_NAMING, W_COMPASS = KH_W_COMPASS,
    W_PLACEPREP = KH_W_PLACEPREP, W_SPEECH = KH_W_SPEECH,
    W_SPEECH_CTX = KH_W_SPEECH_CTX, W_SPEECH_WEAK = KH_W_SPEECH_WEAK,
    W_INHABIT = KH_W_INHABIT, W_THING = KH_W_THING, W_DOCNOUN = KH_W_DOCNOUN,
    W_GENERICORG = KH_W_GENERICORG, W_MEDIACTX = KH_W_MEDIACTX,
};

typedef struct {
    const char *w;
    unsigned flags;
} wentry;

/* Sorted by strcmp of the word (test_entities checks it). */
static const wentry words[] = {
    {"A", W_STOP}, {"ABBAS", W_GIVEN|W_MALE},
    {"ABD", W_PERSONCUE|W_GIVEN|W_MALE}, {"ABDALLAH", W_GIVEN|W_MALE},
    {"ABDEL", W_PERSONCUE|W_GIVEN|W_MALE},
    {"ABDUL", W_PERSONCUE|W_GIVEN|W_MALE}, {"ABDULAZIZ", W_GIVEN|W_MALE},
    {"ABDULLAH", W_GIVEN|W_MALE}, {"ABDULMAHDI", W_GIVEN|W_MALE},
    {"ABOUT", W_STOP}, {"ABOVE", W_STOP}, {"ABU", W_PERSONCUE|W_MALE},
    {"ACADEMIC", W_ROLE}, {"ACADEMY", W_ORGHEAD}, {"ACCORD", W_THING},
    {"ACCORDING", W_STOP}, {"ACCUSE", W_SPEECH}, {"ACKNOWLEDGE", W_SPEECH},
    {"ACROSS", W_STOP|W_PLACEPREP}, {"ACT", W_THING}, {"ACTING", W_TITLE},
    {"ACTIVIST", W_ROLE}, {"ADD", W_SPEECH_CTX}, {"ADEL", W_GIVEN|W_MALE},
    {"ADIL", W_GIVEN|W_MALE}, {"ADM.", W_TITLE}, {"ADMIRAL", W_TITLE|W_ROLE},
    {"ADMIT", W_SPEECH}, {"ADNAN", W_GIVEN|W_MALE}, {"ADVISE", W_SPEECH},
    {"ADVISER", W_TITLE|W_ROLE}, {"ADVISOR", W_TITLE|W_ROLE},
    {"AFFAIRS", W_ORGWORD}, {"AFFIRM", W_SPEECH}, {"AFTER", W_STOP},
    {"AGAIN", W_STOP}, {"AGAINST", W_STOP}, {"AGENCE", W_ORGHEAD},
    {"AGENCY", W_ORGHEAD}, {"AGREEMENT", W_THING}, {"AGRICULTURE", W_ORGWORD},
    {"AHMAD", W_GIVEN|W_MALE}, {"AHMED", W_GIVEN|W_MALE}, {"AIDE", W_ROLE},
    {"AIRLINES", W_ORGHEAD}, {"AIRPORT", W_PLACEHEAD|W_PLACENOUN},
    {"AIRWAYS", W_ORGHEAD}, {"AISHA", W_GIVEN|W_FEMALE}, {"AKA", W_NAMING},
    {"AKRAM", W_GIVEN|W_MALE}, {"AL", W_PARTICLE}, {"ALAA", W_GIVEN|W_FEMALE},
    {"ALI", W_GIVEN|W_MALE}, {"ALIAS", W_NAMING}, {"ALIREZA", W_GIVEN|W_MALE},
    {"ALL", W_STOP}, {"ALLIANCE", W_ORGHEAD|W_GENERICORG}, {"ALONG", W_STOP},
    {"ALREADY", W_STOP}, {"ALSO", W_STOP}, {"ALTHOUGH", W_STOP},
    {"AMBASSADOR", W_TITLE|W_ROLE}, {"AMID", W_STOP},
    {"AMIR", W_TITLE|W_ROLE|W_MALE|W_GIVEN}, {"AMMAR", W_GIVEN|W_MALE},
    {"AMONG", W_STOP}, {"AN", W_STOP}, {"ANALYST", W_ROLE}, {"AND", W_STOP},
    {"ANDREW", W_GIVEN|W_MALE}, {"ANGELA", W_GIVEN|W_FEMALE},
    {"ANNA", W_GIVEN|W_FEMALE}, {"ANNALENA", W_GIVEN|W_FEMALE},
    {"ANNE", W_GIVEN|W_FEMALE}, {"ANNOUNCE", W_SPEECH},
    {"ANNOUNCEMENT", W_DOCNOUN}, {"ANOTHER", W_STOP}, {"ANSAR", W_ORGWORD},
    {"ANSWER", W_SPEECH_WEAK}, {"ANTHONY", W_GIVEN|W_MALE},
    {"ANTONIO", W_GIVEN|W_MALE}, {"ANTONY", W_GIVEN|W_MALE},
    {"ANWAR", W_GIVEN|W_MALE}, {"ANY", W_STOP}, {"APR.", W_TIME},
    {"APRIL", W_TIME}, {"ARCHBISHOP", W_TITLE|W_ROLE|W_MALE},
    {"AREA", W_PLACENOUN}, {"AREAS", W_INHABIT}, {"ARGUE", W_SPEECH},
    {"ARMY", W_ORGHEAD}, {"AROUND", W_STOP|W_PLACEPREP},
    {"ARSHAD", W_GIVEN|W_MALE}, {"AS", W_STOP}, {"ASAAD", W_GIVEN|W_MALE},
    {"ASAIB", W_ORGWORD}, {"ASK", W_SPEECH}, {"ASSEMBLY", W_ORGHEAD},
    {"ASSERT", W_SPEECH}, {"ASSOCIATION", W_ORGHEAD}, {"AT", W_STOP},
    {"ATWAN", W_GIVEN|W_MALE}, {"AUG.", W_TIME}, {"AUGUST", W_TIME},
    {"AUTHOR", W_ROLE}, {"AUTHORITY", W_ORGHEAD}, {"AWARD", W_THING},
    {"AYAD", W_GIVEN|W_MALE}, {"AYATOLLAH", W_TITLE|W_ROLE|W_MALE},
    {"AYESHA", W_GIVEN|W_FEMALE}, {"AZAD", W_GIVEN|W_MALE},
    {"AZIZ", W_GIVEN|W_MALE}, {"BAFEL", W_GIVEN|W_MALE}, {"BANK", W_ORGHEAD},
    {"BARHAM", W_GIVEN|W_MALE}, {"BASHAR", W_GIVEN|W_MALE},
    {"BASSAM", W_GIVEN|W_MALE}, {"BATTALION", W_ORGHEAD},
    {"BATTALIONS", W_ORGHEAD}, {"BAY", W_PLACEHEAD}, {"BECAUSE", W_STOP},
    {"BEFORE", W_STOP}, {"BEHIND", W_STOP}, {"BELIEVE", W_SPEECH_WEAK},
    {"BELOW", W_STOP}, {"BEN", W_PARTICLE}, {"BENJAMIN", W_GIVEN|W_MALE},
    {"BETWEEN", W_STOP|W_PLACEPREP}, {"BEYOND", W_STOP},
    {"BILAL", W_GIVEN|W_MALE}, {"BIN", W_PARTICLE|W_PERSONCUE},
    {"BINT", W_PARTICLE|W_PERSONCUE|W_FEMALE},
    {"BISHOP", W_TITLE|W_ROLE|W_MALE}, {"BLOC", W_ORGHEAD},
    {"BOARD", W_ORGHEAD}, {"BOAST", W_SPEECH}, {"BORDER", W_PLACENOUN},
    {"BORDERS", W_PLACENOUN}, {"BORIS", W_GIVEN|W_MALE}, {"BOTH", W_STOP},
    {"BRANDED", W_NAMING}, {"BREAKING", W_STOP}, {"BRIAN", W_GIVEN|W_MALE},
    {"BRIDGE", W_PLACEHEAD}, {"BRIG.", W_TITLE}, {"BRIGADE", W_ORGHEAD},
    {"BRIGADES", W_ORGHEAD}, {"BRIGADIER", W_TITLE|W_ROLE},
    {"BROTHER", W_ROLE|W_MALE}, {"BULLETIN", W_DOCNOUN}, {"BUREAU", W_ORGHEAD},
    {"BUT", W_STOP}, {"BY", W_STOP}, {"CABINET", W_ORGHEAD},
    {"CALL", W_SPEECH_WEAK}, {"CALLED", W_NAMING},
    {"CAMP", W_PLACEHEAD|W_PLACENOUN}, {"CAMPAIGN", W_THING},
    {"CAMPAIGNER", W_ROLE}, {"CANDIDATE", W_ROLE},
    {"CAPITAL", W_PLACENOUN|W_INHABIT}, {"CAPT.", W_TITLE},
    {"CAPTAIN", W_TITLE|W_ROLE}, {"CARDINAL", W_TITLE|W_ROLE|W_MALE},
    {"CATHERINE", W_GIVEN|W_FEMALE}, {"CAUTION", W_SPEECH_WEAK},
    {"CENTER", W_ORGHEAD}, {"CENTRAL", W_ORGWORD}, {"CENTRE", W_ORGHEAD},
    {"CEO", W_TITLE|W_ROLE}, {"CHAIR", W_ROLE},
    {"CHAIRMAN", W_TITLE|W_ROLE|W_MALE},
    {"CHAIRWOMAN", W_TITLE|W_ROLE|W_FEMALE}, {"CHANCELLOR", W_TITLE|W_ROLE},
    {"CHANNEL", W_ORGHEAD}, {"CHANT", W_SPEECH}, {"CHARGE", W_SPEECH_WEAK},
    {"CHARLES", W_GIVEN|W_MALE}, {"CHIEF", W_TITLE|W_ROLE},
    {"CHURCH", W_ORGHEAD}, {"CITIZEN", W_ROLE}, {"CITIZENS", W_INHABIT},
    {"CITY", W_PLACEHEAD|W_PLACENOUN|W_INHABIT}, {"CIVIL", W_ORGWORD},
    {"CLAIM", W_SPEECH_WEAK}, {"CLARIFY", W_SPEECH}, {"CLERIC", W_ROLE|W_MALE},
    {"CLUB", W_ORGHEAD}, {"COACH", W_TITLE|W_ROLE},
    {"COALITION", W_ORGHEAD|W_GENERICORG}, {"CODE-NAMED", W_NAMING},
    {"CODENAMED", W_NAMING}, {"COL.", W_TITLE}, {"COLONEL", W_TITLE|W_ROLE},
    {"COMMAND", W_ORGHEAD}, {"COMMANDANT", W_TITLE|W_ROLE},
    {"COMMANDER", W_TITLE|W_ROLE}, {"COMMENT", W_SPEECH_WEAK},
    {"COMMERCE", W_ORGWORD}, {"COMMISSION", W_ORGHEAD},
    {"COMMISSIONER", W_TITLE|W_ROLE}, {"COMMITTEE", W_ORGHEAD},
    {"COMMUNIQUE", W_DOCNOUN}, {"COMMUNIST", W_ORGWORD},
    {"COMPANIES", W_ORGHEAD}, {"COMPANY", W_ORGHEAD}, {"COMPLAIN", W_SPEECH},
    {"CONCEDE", W_SPEECH}, {"CONCLUDE", W_SPEECH}, {"CONDEMN", W_SPEECH_WEAK},
    {"CONFERENCE", W_THING}, {"CONFIRM", W_SPEECH}, {"CONGRESS", W_ORGHEAD},
    {"CONGRESSMAN", W_TITLE|W_ROLE|W_MALE},
    {"CONGRESSWOMAN", W_TITLE|W_ROLE|W_FEMALE}, {"CONSIDER", W_SPEECH_WEAK},
    {"CONSUL", W_TITLE|W_ROLE}, {"CONSULATE", W_ORGHEAD},
    {"CONTINUE", W_SPEECH_CTX}, {"COORDINATION", W_ORGWORD},
    {"COORDINATOR", W_ROLE}, {"CORP.", W_ORGHEAD}, {"CORPORATION", W_ORGHEAD},
    {"CORPS", W_ORGHEAD}, {"CORRESPONDENT", W_ROLE}, {"CORRIDOR", W_THING},
    {"COUNCIL", W_ORGHEAD}, {"COUNSELOR", W_TITLE|W_ROLE},
    {"COUNTER-TERRORISM", W_ORGWORD}, {"COUNTERTERRORISM", W_ORGWORD},
    {"COUNTRYSIDE", W_PLACENOUN}, {"COUNTY", W_PLACEHEAD|W_PLACENOUN},
    {"COURT", W_ORGHEAD}, {"CRESCENT", W_ORGWORD}, {"CRITICISE", W_SPEECH_WEAK},
    {"CRITICIZE", W_SPEECH_WEAK}, {"CROSS", W_ORGWORD},
    {"CROSSING", W_PLACEHEAD|W_PLACENOUN}, {"CROWN", W_TITLE},
    {"CULTURE", W_ORGWORD}, {"CUSTOMS", W_ORGWORD}, {"DA", W_PARTICLE},
    {"DAM", W_PLACEHEAD}, {"DANIEL", W_GIVEN|W_MALE}, {"DAOUD", W_GIVEN|W_MALE},
    {"DAUGHTER", W_ROLE|W_FEMALE}, {"DAVID", W_GIVEN|W_MALE},
    {"DAWOOD", W_GIVEN|W_MALE}, {"DE", W_PARTICLE}, {"DEAL", W_THING},
    {"DEC.", W_TIME}, {"DECEMBER", W_TIME}, {"DECLARATION", W_DOCNOUN},
    {"DECLARE", W_SPEECH}, {"DECREE", W_DOCNOUN}, {"DEFENCE", W_TITLE},
    {"DEFENSE", W_TITLE}, {"DELEGATE", W_ROLE}, {"DEMAND", W_SPEECH_WEAK},
    {"DEMOCRATIC", W_ORGWORD}, {"DEMONSTRATOR", W_ROLE}, {"DENY", W_SPEECH},
    {"DEPARTMENT", W_ORGHEAD}, {"DEPUTY", W_TITLE|W_ROLE}, {"DER", W_PARTICLE},
    {"DESCRIBE", W_SPEECH_WEAK}, {"DESERT", W_PLACEHEAD|W_PLACENOUN},
    {"DESPITE", W_STOP}, {"DETAIL", W_SPEECH_WEAK}, {"DEVELOPMENT", W_ORGWORD},
    {"DI", W_PARTICLE}, {"DILSHAD", W_GIVEN|W_MALE}, {"DIPLOMAT", W_ROLE},
    {"DIRECTOR", W_TITLE|W_ROLE}, {"DIRECTOR-GENERAL", W_TITLE|W_ROLE},
    {"DIRECTORATE", W_ORGHEAD}, {"DISCLOSE", W_SPEECH},
    {"DISMISS", W_SPEECH_WEAK}, {"DISTRICT", W_PLACEHEAD|W_PLACENOUN|W_INHABIT},
    {"DIVISION", W_ORGHEAD}, {"DOCTOR", W_ROLE}, {"DOCTRINE", W_THING},
    {"DOCUMENT", W_DOCNOUN}, {"DONALD", W_GIVEN|W_MALE}, {"DR", W_TITLE},
    {"DR.", W_TITLE}, {"DRIVER", W_ROLE}, {"DU", W_PARTICLE},
    {"DUBBED", W_NAMING}, {"DURING", W_STOP}, {"EACH", W_STOP},
    {"EARLIER", W_STOP}, {"EAST", W_COMPASS|W_INHABIT}, {"EASTERN", W_COMPASS},
    {"EBRAHIM", W_GIVEN|W_MALE}, {"ECONOMIC", W_ORGWORD}, {"ECONOMIST", W_ROLE},
    {"EDUCATION", W_ORGWORD}, {"EDWARD", W_GIVEN|W_MALE}, {"EID", W_TIME},
    {"EL", W_PARTICLE}, {"ELABORATE", W_SPEECH}, {"ELDER", W_ROLE},
    {"ELECTORAL", W_ORGWORD}, {"ELECTRICITY", W_ORGWORD},
    {"ELIZABETH", W_GIVEN|W_FEMALE}, {"EMAD", W_GIVEN|W_MALE},
    {"EMBASSY", W_ORGHEAD}, {"EMERGENCY", W_ORGWORD},
    {"EMIR", W_TITLE|W_ROLE|W_MALE}, {"EMIRATES", W_PLACEHEAD},
    {"EMMANUEL", W_GIVEN|W_MALE}, {"EMPHASISE", W_SPEECH},
    {"EMPHASIZE", W_SPEECH}, {"EMPLOYEE", W_ROLE}, {"ENERGY", W_ORGWORD},
    {"ENG.", W_TITLE}, {"ENGINEER", W_ROLE}, {"ENTITLED", W_NAMING},
    {"ENVOY", W_TITLE|W_ROLE}, {"ESTIMATE", W_SPEECH_WEAK}, {"EVEN", W_STOP},
    {"EVERY", W_STOP}, {"EXCLAIM", W_SPEECH}, {"EXPECT", W_SPEECH_WEAK},
    {"EXPERT", W_ROLE}, {"EXPLAIN", W_SPEECH}, {"EXPRESS", W_SPEECH_WEAK},
    {"FACTION", W_GENERICORG}, {"FADEL", W_GIVEN|W_MALE},
    {"FADHIL", W_GIVEN|W_MALE}, {"FAISAL", W_GIVEN|W_MALE},
    {"FALAH", W_GIVEN|W_MALE}, {"FAMILIES", W_INHABIT},
    {"FARES", W_GIVEN|W_MALE}, {"FARHAD", W_GIVEN|W_MALE},
    {"FARIS", W_GIVEN|W_MALE}, {"FARMER", W_ROLE}, {"FARMERS", W_INHABIT},
    {"FATHER", W_TITLE|W_MALE}, {"FATIMA", W_GIVEN|W_FEMALE},
    {"FATMA", W_GIVEN|W_FEMALE}, {"FAYSAL", W_GIVEN|W_MALE},
    {"FEAR", W_SPEECH_WEAK}, {"FEB.", W_TIME}, {"FEBRUARY", W_TIME},
    {"FEDERAL", W_ORGWORD}, {"FEDERATION", W_ORGHEAD}, {"FESTIVAL", W_THING},
    {"FIELD", W_TITLE|W_PLACENOUN}, {"FIELDS", W_PLACENOUN},
    {"FIGHTER", W_ROLE}, {"FINANCE", W_TITLE}, {"FOLLOWING", W_STOP},
    {"FOR", W_STOP}, {"FORCE", W_ORGHEAD}, {"FORCES", W_ORGHEAD},
    {"FOREIGN", W_TITLE}, {"FORMAT", W_THING}, {"FORMER", W_TITLE},
    {"FORUM", W_THING}, {"FOUAD", W_GIVEN|W_MALE}, {"FOUNDATION", W_ORGHEAD},
    {"FOUNDER", W_ROLE}, {"FRAMEWORK", W_ORGHEAD}, {"FREE", W_ORGWORD},
    {"FRIDAY", W_TIME}, {"FROM", W_STOP|W_PLACEPREP}, {"FRONT", W_ORGHEAD},
    {"FUAD", W_GIVEN|W_MALE}, {"FUND", W_ORGHEAD}, {"FURTHERMORE", W_STOP},
    {"GAZETTE", W_ORGHEAD}, {"GEN", W_TITLE}, {"GEN.", W_TITLE},
    {"GENERAL", W_TITLE}, {"GEORGE", W_GIVEN|W_MALE},
    {"GHASSAN", W_GIVEN|W_MALE}, {"GMT", W_TIME}, {"GO", W_SPEECH_CTX},
    {"GORAN", W_GIVEN|W_MALE}, {"GOVERNMENT", W_ORGHEAD},
    {"GOVERNOR", W_TITLE|W_ROLE|W_INHABIT},
    {"GOVERNORATE", W_PLACEHEAD|W_PLACENOUN|W_INHABIT}, {"GRAND", W_TITLE},
    {"GREEN", W_ORGWORD}, {"GROUP", W_ORGHEAD|W_GENERICORG},
    {"GUARD", W_ORGHEAD}, {"GUARDS", W_ORGHEAD}, {"GULF", W_PLACEHEAD},
    {"HADI", W_GIVEN|W_MALE}, {"HAFEZ", W_GIVEN|W_MALE},
    {"HAIDAR", W_GIVEN|W_MALE}, {"HAIDER", W_GIVEN|W_MALE},
    {"HAJJ", W_TITLE|W_MALE}, {"HAJJI", W_TITLE|W_MALE},
    {"HAKAN", W_GIVEN|W_MALE}, {"HAKIM", W_GIVEN|W_MALE},
    {"HAMEED", W_GIVEN|W_MALE}, {"HAMID", W_GIVEN|W_MALE},
    {"HAMZA", W_GIVEN|W_MALE}, {"HAMZAH", W_GIVEN|W_MALE},
    {"HANA", W_GIVEN|W_FEMALE}, {"HANAN", W_GIVEN|W_FEMALE},
    {"HARAKAT", W_ORGWORD}, {"HARITH", W_GIVEN|W_MALE},
    {"HASAN", W_GIVEN|W_MALE}, {"HASHEM", W_GIVEN|W_MALE},
    {"HASHIM", W_GIVEN|W_MALE}, {"HASSAN", W_GIVEN|W_MALE},
    {"HAY'AT", W_ORGWORD}, {"HAYAT", W_ORGWORD}, {"HAYDAR", W_GIVEN|W_MALE},
    {"HAZEM", W_GIVEN|W_MALE}, {"HE", W_STOP}, {"HEAD", W_ROLE},
    {"HEALTH", W_TITLE}, {"HEIGHTS", W_PLACEHEAD}, {"HEMIN", W_GIVEN|W_MALE},
    {"HER", W_STOP}, {"HERE", W_STOP}, {"HEZBOLLAH", W_ORGWORD},
    {"HIBA", W_GIVEN|W_FEMALE}, {"HIGH", W_ORGWORD}, {"HIGHLIGHT", W_SPEECH},
    {"HIGHWAY", W_THING}, {"HILLARY", W_GIVEN|W_FEMALE}, {"HIS", W_STOP},
    {"HISHAM", W_GIVEN|W_MALE}, {"HISTORIAN", W_ROLE}, {"HIZB", W_ORGWORD},
    {"HOPE", W_SPEECH_WEAK}, {"HOSHYAR", W_GIVEN|W_MALE},
    {"HOSPITAL", W_ORGHEAD}, {"HOSSEIN", W_GIVEN|W_MALE}, {"HOW", W_STOP},
    {"HOWEVER", W_STOP}, {"HUDA", W_GIVEN|W_FEMALE}, {"HUMAN", W_ORGWORD},
    {"HUMANITARIAN", W_ORGWORD}, {"HUSAIN", W_GIVEN|W_MALE},
    {"HUSBAND", W_ROLE|W_MALE}, {"HUSHYAR", W_GIVEN|W_MALE},
    {"HUSSAIN", W_GIVEN|W_MALE}, {"HUSSEIN", W_GIVEN|W_MALE}, {"I", W_STOP},
    {"IBN", W_PARTICLE|W_PERSONCUE}, {"IBRAHIM", W_GIVEN|W_MALE},
    {"IF", W_STOP}, {"IMAD", W_GIVEN|W_MALE}, {"IMAM", W_TITLE|W_ROLE|W_MALE},
    {"IMAN", W_GIVEN|W_FEMALE}, {"IN", W_STOP|W_PLACEPREP},
    {"INAS", W_GIVEN|W_FEMALE}, {"INC.", W_ORGHEAD}, {"INDEED", W_STOP},
    {"INDEPENDENT", W_ORGWORD}, {"INDICATE", W_SPEECH}, {"INDUSTRY", W_ORGWORD},
    {"INFORM", W_SPEECH}, {"INHABITANTS", W_INHABIT}, {"INITIATIVE", W_THING},
    {"INSIDE", W_STOP|W_PLACEPREP}, {"INSIST", W_SPEECH},
    {"INSPECTOR", W_TITLE|W_ROLE}, {"INSTITUTE", W_ORGHEAD},
    {"INTELLIGENCE", W_ORGWORD}, {"INTERIOR", W_TITLE},
    {"INTERNATIONAL", W_ORGWORD}, {"INTERVIEW", W_MEDIACTX},
    {"INTO", W_STOP|W_PLACEPREP}, {"INVESTIGATOR", W_ROLE},
    {"INVESTMENT", W_ORGWORD}, {"ISAAC", W_GIVEN|W_MALE},
    {"ISLAMIC", W_ORGWORD}, {"ISLAMIST", W_ORGWORD}, {"ISLAND", W_PLACEHEAD},
    {"ISLANDS", W_PLACEHEAD}, {"ISMAIL", W_GIVEN|W_MALE}, {"IT", W_STOP},
    {"ITEM", W_STOP}, {"ITS", W_STOP}, {"ITTIHAD", W_ORGWORD},
    {"IYAD", W_GIVEN|W_MALE}, {"JAAFAR", W_GIVEN|W_MALE},
    {"JABBAR", W_GIVEN|W_MALE}, {"JABER", W_GIVEN|W_MALE},
    {"JABHAT", W_ORGWORD}, {"JAFAR", W_GIVEN|W_MALE}, {"JAISH", W_ORGWORD},
    {"JALAL", W_GIVEN|W_MALE}, {"JAMAL", W_GIVEN|W_MALE},
    {"JAMES", W_GIVEN|W_MALE}, {"JAMILA", W_GIVEN|W_FEMALE}, {"JAN.", W_TIME},
    {"JANUARY", W_TIME}, {"JASIM", W_GIVEN|W_MALE}, {"JASON", W_GIVEN|W_MALE},
    {"JASSIM", W_GIVEN|W_MALE}, {"JAVAD", W_GIVEN|W_MALE},
    {"JAWHAR", W_GIVEN|W_MALE}, {"JEANINE", W_GIVEN|W_FEMALE},
    {"JENNIFER", W_GIVEN|W_FEMALE}, {"JENS", W_GIVEN|W_MALE},
    {"JOE", W_GIVEN|W_MALE}, {"JOHN", W_GIVEN|W_MALE}, {"JOINT", W_ORGWORD},
    {"JOKE", W_SPEECH}, {"JOSEPH", W_GIVEN|W_MALE}, {"JOURNAL", W_ORGHEAD},
    {"JOURNALIST", W_ROLE}, {"JUDGE", W_TITLE|W_ROLE}, {"JUDICIARY", W_ORGHEAD},
    {"JUL.", W_TIME}, {"JULY", W_TIME}, {"JUN.", W_TIME}, {"JUNE", W_TIME},
    {"JUST", W_STOP}, {"JUSTICE", W_ORGWORD}, {"KADHIM", W_GIVEN|W_MALE},
    {"KAMAL", W_GIVEN|W_MALE}, {"KAMALA", W_GIVEN|W_FEMALE},
    {"KAMEL", W_GIVEN|W_MALE}, {"KAREEM", W_GIVEN|W_MALE},
    {"KAREN", W_GIVEN|W_FEMALE}, {"KARIM", W_GIVEN|W_MALE},
    {"KARWAN", W_GIVEN|W_MALE}, {"KATA'IB", W_ORGWORD}, {"KATAIB", W_ORGWORD},
    {"KATHERINE", W_GIVEN|W_FEMALE}, {"KAWA", W_GIVEN|W_MALE},
    {"KAZEM", W_GIVEN|W_MALE}, {"KEIR", W_GIVEN|W_MALE},
    {"KEVIN", W_GIVEN|W_MALE}, {"KHADIJA", W_GIVEN|W_FEMALE},
    {"KHALAF", W_GIVEN|W_MALE}, {"KHALED", W_GIVEN|W_MALE},
    {"KHALID", W_GIVEN|W_MALE}, {"KHALIL", W_GIVEN|W_MALE},
    {"KING", W_TITLE|W_ROLE|W_MALE}, {"KINGDOM", W_PLACEHEAD},
    {"KNOWN", W_NAMING}, {"KOSRAT", W_GIVEN|W_MALE},
    {"KRISTALINA", W_GIVEN|W_FEMALE}, {"LABELED", W_NAMING},
    {"LABELLED", W_NAMING}, {"LAITH", W_GIVEN|W_MALE},
    {"LAKE", W_PLACEHEAD|W_PLACENOUN}, {"LAMENT", W_SPEECH},
    {"LAMIA", W_GIVEN|W_FEMALE}, {"LAST", W_STOP}, {"LATER", W_STOP},
    {"LATIF", W_GIVEN|W_MALE}, {"LAW", W_THING}, {"LAWMAKER", W_TITLE|W_ROLE},
    {"LAWYER", W_ROLE}, {"LAYLA", W_GIVEN|W_FEMALE}, {"LEADER", W_TITLE|W_ROLE},
    {"LEAGUE", W_ORGHEAD}, {"LEGISLATOR", W_ROLE}, {"LEILA", W_GIVEN|W_FEMALE},
    {"LETTER", W_DOCNOUN}, {"LIBERATION", W_ORGWORD},
    {"LIEUTENANT", W_TITLE|W_ROLE}, {"LIKE", W_STOP},
    {"LINA", W_GIVEN|W_FEMALE}, {"LINDA", W_GIVEN|W_FEMALE},
    {"LISA", W_GIVEN|W_FEMALE}, {"LIWA", W_ORGWORD}, {"LLOYD", W_GIVEN|W_MALE},
    {"LT.", W_TITLE}, {"LTD.", W_ORGHEAD}, {"LUQMAN", W_GIVEN|W_MALE},
    {"MAHA", W_GIVEN|W_FEMALE}, {"MAHDI", W_GIVEN|W_MALE},
    {"MAHER", W_GIVEN|W_MALE}, {"MAHMOUD", W_GIVEN|W_MALE},
    {"MAHMUD", W_GIVEN|W_MALE}, {"MAJ.", W_TITLE}, {"MAJED", W_GIVEN|W_MALE},
    {"MAJID", W_GIVEN|W_MALE}, {"MAJLIS", W_ORGWORD}, {"MAJOR", W_TITLE},
    {"MAN", W_ROLE|W_MALE}, {"MANAGER", W_ROLE}, {"MANSOUR", W_GIVEN|W_MALE},
    {"MANY", W_STOP}, {"MAR.", W_TIME}, {"MARCH", W_TIME},
    {"MARGARET", W_GIVEN|W_FEMALE}, {"MARIAM", W_GIVEN|W_FEMALE},
    {"MARSHAL", W_TITLE|W_ROLE}, {"MARWAN", W_GIVEN|W_MALE},
    {"MARY", W_GIVEN|W_FEMALE}, {"MARYAM", W_GIVEN|W_FEMALE},
    {"MASOUD", W_GIVEN|W_MALE}, {"MASROUR", W_GIVEN|W_MALE},
    {"MASSOUD", W_GIVEN|W_MALE}, {"MATTHEW", W_GIVEN|W_MALE}, {"MAY", W_TIME},
    {"MAYOR", W_TITLE|W_ROLE|W_INHABIT}, {"MAZEN", W_GIVEN|W_MALE},
    {"MEANWHILE", W_STOP}, {"MEDIA", W_ORGHEAD}, {"MEDIATOR", W_ROLE},
    {"MEMBER", W_TITLE|W_ROLE}, {"MEMO", W_DOCNOUN}, {"MENTION", W_SPEECH},
    {"MERCHANT", W_ROLE}, {"MESSAGE", W_DOCNOUN}, {"MEVLUT", W_GIVEN|W_MALE},
    {"MICHAEL", W_GIVEN|W_MALE}, {"MID-APRIL", W_TIME}, {"MID-AUGUST", W_TIME},
    {"MID-DECEMBER", W_TIME}, {"MID-FEBRUARY", W_TIME}, {"MID-JANUARY", W_TIME},
    {"MID-JULY", W_TIME}, {"MID-JUNE", W_TIME}, {"MID-MARCH", W_TIME},
    {"MID-MAY", W_TIME}, {"MID-NOVEMBER", W_TIME}, {"MID-OCTOBER", W_TIME},
    {"MID-SEPTEMBER", W_TIME}, {"MIGRATION", W_ORGWORD}, {"MILITANT", W_ROLE},
    {"MILITIA", W_ORGHEAD|W_GENERICORG}, {"MINISTER", W_TITLE|W_ROLE},
    {"MINISTRY", W_ORGHEAD}, {"MISS", W_TITLE|W_FEMALE}, {"MISSION", W_ORGHEAD},
    {"MOBILISATION", W_ORGHEAD}, {"MOBILIZATION", W_ORGHEAD},
    {"MOHAMAD", W_GIVEN|W_MALE}, {"MOHAMED", W_GIVEN|W_MALE},
    {"MOHAMMAD", W_GIVEN|W_MALE}, {"MOHAMMED", W_GIVEN|W_MALE},
    {"MOHSEN", W_GIVEN|W_MALE}, {"MOJTABA", W_GIVEN|W_MALE},
    {"MONA", W_GIVEN|W_FEMALE}, {"MONDAY", W_TIME}, {"MONITOR", W_ORGHEAD},
    {"MOQTADA", W_GIVEN|W_MALE}, {"MORE", W_STOP}, {"MOREOVER", W_STOP},
    {"MOSQUE", W_PLACEHEAD}, {"MOST", W_STOP}, {"MOSTAFA", W_GIVEN|W_MALE},
    {"MOTHER", W_ROLE|W_FEMALE}, {"MOUNTAIN", W_PLACEHEAD},
    {"MOUNTAINS", W_PLACEHEAD|W_PLACENOUN},
    {"MOVEMENT", W_ORGHEAD|W_GENERICORG}, {"MP", W_TITLE|W_ROLE},
    {"MR", W_TITLE|W_MALE}, {"MR.", W_TITLE|W_MALE}, {"MRS", W_TITLE|W_FEMALE},
    {"MRS.", W_TITLE|W_FEMALE}, {"MS", W_TITLE|W_FEMALE},
    {"MS.", W_TITLE|W_FEMALE}, {"MUFTI", W_TITLE|W_ROLE|W_MALE},
    {"MUHAMMAD", W_GIVEN|W_MALE}, {"MUHAMMED", W_GIVEN|W_MALE},
    {"MUHSIN", W_GIVEN|W_MALE}, {"MUKHTAR", W_TITLE|W_ROLE|W_MALE},
    {"MULLAH", W_TITLE|W_ROLE|W_MALE}, {"MUNA", W_GIVEN|W_FEMALE},
    {"MUNDHER", W_GIVEN|W_MALE}, {"MUNTHER", W_GIVEN|W_MALE},
    {"MUQTADA", W_GIVEN|W_MALE}, {"MURAD", W_GIVEN|W_MALE},
    {"MUSTAFA", W_GIVEN|W_MALE}, {"MUSTAPHA", W_GIVEN|W_MALE}, {"MY", W_STOP},
    {"NABIL", W_GIVEN|W_MALE}, {"NADA", W_GIVEN|W_FEMALE},
    {"NADER", W_GIVEN|W_MALE}, {"NADIA", W_GIVEN|W_FEMALE},
    {"NAJEEB", W_GIVEN|W_MALE}, {"NAJI", W_GIVEN|W_MALE},
    {"NAJIB", W_GIVEN|W_MALE}, {"NAMED", W_NAMING}, {"NANCY", W_GIVEN|W_FEMALE},
    {"NASIR", W_GIVEN|W_MALE}, {"NASSER", W_GIVEN|W_MALE},
    {"NATIONAL", W_ORGWORD}, {"NAWAF", W_GIVEN|W_MALE},
    {"NAWAL", W_GIVEN|W_FEMALE}, {"NAWZAD", W_GIVEN|W_MALE},
    {"NEAR", W_STOP|W_PLACEPREP}, {"NECHIRVAN", W_GIVEN|W_MALE},
    {"NEGOTIATOR", W_ROLE}, {"NEIGHBOR", W_ROLE},
    {"NEIGHBORHOOD", W_PLACEHEAD|W_PLACENOUN}, {"NEIGHBOUR", W_ROLE},
    {"NEIGHBOURHOOD", W_PLACEHEAD|W_PLACENOUN},
    {"NETWORK", W_ORGHEAD|W_GENERICORG}, {"NEWS", W_ORGHEAD}, {"NEXT", W_STOP},
    {"NICKNAMED", W_NAMING}, {"NIZAR", W_GIVEN|W_MALE}, {"NO", W_STOP},
    {"NOOR", W_GIVEN|W_FEMALE}, {"NOR", W_STOP}, {"NORTH", W_COMPASS|W_INHABIT},
    {"NORTHEAST", W_COMPASS|W_INHABIT}, {"NORTHERN", W_COMPASS},
    {"NORTHWEST", W_COMPASS|W_INHABIT}, {"NOT", W_STOP},
    {"NOTE", W_STOP|W_SPEECH_WEAK|W_DOCNOUN}, {"NOTICE", W_DOCNOUN},
    {"NOUR", W_GIVEN|W_FEMALE}, {"NOURI", W_GIVEN|W_MALE}, {"NOV.", W_TIME},
    {"NOVEMBER", W_TIME}, {"NURI", W_GIVEN|W_MALE}, {"NURSE", W_ROLE},
    {"OBSERVATORY", W_ORGHEAD}, {"OBSERVE", W_SPEECH}, {"OBSERVER", W_ROLE},
    {"OCEAN", W_PLACEHEAD}, {"OCT.", W_TIME}, {"OCTOBER", W_TIME},
    {"OF", W_STOP}, {"OFFICE", W_ORGHEAD}, {"OFFICER", W_ROLE},
    {"OFFICIAL", W_ROLE}, {"OIL", W_TITLE}, {"OLAF", W_GIVEN|W_MALE},
    {"OMAR", W_GIVEN|W_MALE}, {"ON", W_STOP}, {"ONE", W_STOP}, {"ONLY", W_STOP},
    {"OPERATION", W_THING}, {"OPERATIONS", W_ORGHEAD},
    {"OPPOSITION", W_ORGWORD}, {"OR", W_STOP},
    {"ORGANISATION", W_ORGHEAD|W_GENERICORG}, {"ORGANISER", W_ROLE},
    {"ORGANIZATION", W_ORGHEAD|W_GENERICORG}, {"ORGANIZER", W_ROLE},
    {"OSAMA", W_GIVEN|W_MALE}, {"OSMAN", W_GIVEN|W_MALE}, {"OTHER", W_STOP},
    {"OTHMAN", W_GIVEN|W_MALE}, {"OULD", W_PARTICLE}, {"OUR", W_STOP},
    {"OUTFIT", W_GENERICORG}, {"OUTSIDE", W_STOP|W_PLACEPREP},
    {"OUTSKIRTS", W_PLACENOUN|W_INHABIT}, {"OVER", W_STOP}, {"OWNER", W_ROLE},
    {"PALACE", W_PLACEHEAD}, {"PARLIAMENT", W_ORGHEAD}, {"PARTS", W_INHABIT},
    {"PARTY", W_ORGHEAD|W_GENERICORG}, {"PATRIARCH", W_TITLE|W_ROLE|W_MALE},
    {"PAUL", W_GIVEN|W_MALE}, {"PEACE", W_ORGWORD}, {"PENINSULA", W_PLACEHEAD},
    {"PEOPLE", W_INHABIT}, {"PER", W_STOP}, {"PETER", W_GIVEN|W_MALE},
    {"PETROLEUM", W_ORGWORD}, {"PHYSICIAN", W_ROLE}, {"PILOT", W_ROLE},
    {"PIPELINE", W_THING}, {"PLAIN", W_PLACEHEAD}, {"PLAINS", W_PLACEHEAD},
    {"PLAN", W_THING}, {"PLANNING", W_ORGWORD}, {"PLATFORM", W_THING},
    {"PLEDGE", W_SPEECH}, {"POINT", W_SPEECH_WEAK}, {"POLICE", W_ORGHEAD},
    {"POLITICIAN", W_ROLE}, {"POPE", W_TITLE|W_ROLE|W_MALE},
    {"POPULAR", W_ORGWORD}, {"PORT", W_PLACEHEAD|W_PLACENOUN},
    {"POST", W_ORGHEAD|W_SPEECH_WEAK|W_DOCNOUN}, {"PRAISE", W_SPEECH_WEAK},
    {"PREDICT", W_SPEECH}, {"PREMIER", W_TITLE|W_ROLE}, {"PRESENTER", W_ROLE},
    {"PRESIDENCY", W_ORGHEAD}, {"PRESIDENT", W_TITLE|W_ROLE},
    {"PRESS", W_ORGHEAD}, {"PRIEST", W_ROLE|W_MALE}, {"PRIME", W_TITLE},
    {"PRINCE", W_TITLE|W_ROLE|W_MALE}, {"PRINCESS", W_TITLE|W_ROLE|W_FEMALE},
    {"PRIZE", W_THING}, {"PROCESS", W_THING}, {"PROF.", W_TITLE},
    {"PROFESSOR", W_TITLE|W_ROLE}, {"PROGRAM", W_ORGHEAD|W_THING},
    {"PROGRAMME", W_ORGHEAD|W_THING}, {"PROGRESS", W_ORGWORD},
    {"PROJECT", W_THING}, {"PROMISE", W_SPEECH_WEAK},
    {"PROSECUTOR", W_TITLE|W_ROLE}, {"PROTESTER", W_ROLE},
    {"PROVINCE", W_PLACEHEAD|W_PLACENOUN|W_INHABIT}, {"PROVINCES", W_PLACENOUN},
    {"PUBLIC", W_ORGWORD}, {"QAHTAN", W_GIVEN|W_MALE}, {"QAIS", W_GIVEN|W_MALE},
    {"QASIM", W_GIVEN|W_MALE}, {"QASSEM", W_GIVEN|W_MALE},
    {"QAYS", W_GIVEN|W_MALE}, {"QUARTER", W_PLACEHEAD},
    {"QUBAD", W_GIVEN|W_MALE}, {"QUEEN", W_TITLE|W_ROLE|W_FEMALE},
    {"QUIP", W_SPEECH}, {"QUOTED", W_MEDIACTX}, {"QUSAY", W_GIVEN|W_MALE},
    {"RAAD", W_GIVEN|W_MALE}, {"RABBI", W_TITLE|W_ROLE|W_MALE},
    {"RADIO", W_ORGHEAD}, {"RAED", W_GIVEN|W_MALE}, {"RAMADAN", W_TIME},
    {"RAMI", W_GIVEN|W_MALE}, {"RANIA", W_GIVEN|W_FEMALE}, {"RAPID", W_ORGWORD},
    {"RASHID", W_GIVEN|W_MALE}, {"READ", W_STOP}, {"READOUT", W_DOCNOUN},
    {"REBWAR", W_GIVEN|W_MALE}, {"RECALL", W_SPEECH}, {"RECEP", W_GIVEN|W_MALE},
    {"RECOUNT", W_SPEECH}, {"RED", W_ORGWORD}, {"REEM", W_GIVEN|W_FEMALE},
    {"REFORM", W_ORGWORD}, {"REFUGEES", W_ORGWORD}, {"REGIMENT", W_ORGHEAD},
    {"REGION", W_PLACEHEAD|W_PLACENOUN}, {"REGIONS", W_PLACENOUN},
    {"REITERATE", W_SPEECH}, {"REJECT", W_SPEECH_WEAK}, {"RELATIVE", W_ROLE},
    {"RELEASE", W_DOCNOUN}, {"RELIEF", W_ORGWORD}, {"REMARK", W_SPEECH},
    {"REMARKS", W_MEDIACTX}, {"REMIND", W_SPEECH}, {"REP.", W_TITLE},
    {"REPEAT", W_SPEECH_CTX}, {"REPLY", W_SPEECH},
    {"REPORT", W_SPEECH_WEAK|W_DOCNOUN}, {"REPORTER", W_ROLE},
    {"REPRESENTATIVE", W_TITLE|W_ROLE}, {"REPUBLIC", W_PLACEHEAD},
    {"REPUBLICAN", W_ORGWORD}, {"RESCUER", W_ROLE}, {"RESEARCH", W_ORGWORD},
    {"RESEARCHER", W_ROLE}, {"RESIDENT", W_ROLE}, {"RESIDENTS", W_INHABIT},
    {"RESISTANCE", W_ORGWORD}, {"RESOLUTION", W_THING}, {"RESPOND", W_SPEECH},
    {"RETORT", W_SPEECH}, {"REVEAL", W_SPEECH}, {"REVOLUTIONARY", W_ORGWORD},
    {"REZA", W_GIVEN|W_MALE}, {"RIAD", W_GIVEN|W_MALE},
    {"RICHARD", W_GIVEN|W_MALE}, {"RIGHTS", W_ORGWORD},
    {"RIMA", W_GIVEN|W_FEMALE}, {"RISHI", W_GIVEN|W_MALE},
    {"RIVER", W_PLACEHEAD|W_PLACENOUN}, {"RIVERS", W_PLACENOUN},
    {"RIYAD", W_GIVEN|W_MALE}, {"ROAD", W_THING}, {"ROBERT", W_GIVEN|W_MALE},
    {"RUBA", W_GIVEN|W_FEMALE}, {"SABAH", W_GIVEN|W_MALE},
    {"SADEQ", W_GIVEN|W_MALE}, {"SADIQ", W_GIVEN|W_MALE},
    {"SAEED", W_GIVEN|W_MALE}, {"SAID", W_MEDIACTX}, {"SALAM", W_GIVEN|W_MALE},
    {"SALEEM", W_GIVEN|W_MALE}, {"SALEH", W_GIVEN|W_MALE},
    {"SALIH", W_GIVEN|W_MALE}, {"SALIM", W_GIVEN|W_MALE},
    {"SALMAN", W_GIVEN|W_MALE}, {"SAMAN", W_GIVEN|W_MALE},
    {"SAMEER", W_GIVEN|W_MALE}, {"SAMI", W_GIVEN|W_MALE},
    {"SAMIR", W_GIVEN|W_MALE}, {"SAMIRA", W_GIVEN|W_FEMALE},
    {"SARA", W_GIVEN|W_FEMALE}, {"SARAH", W_GIVEN|W_FEMALE},
    {"SARAYA", W_ORGWORD}, {"SARDAR", W_GIVEN|W_MALE}, {"SATURDAY", W_TIME},
    {"SAY", W_SPEECH}, {"SAYED", W_TITLE|W_MALE}, {"SAYYED", W_TITLE|W_MALE},
    {"SAYYID", W_TITLE|W_MALE}, {"SCHOLAR", W_ROLE}, {"SCHOOL", W_ORGHEAD},
    {"SEA", W_PLACEHEAD}, {"SECRETARIAT", W_ORGHEAD},
    {"SECRETARY", W_TITLE|W_ROLE}, {"SECRETARY-GENERAL", W_TITLE|W_ROLE},
    {"SECURITY", W_ORGWORD}, {"SEN.", W_TITLE}, {"SENATE", W_ORGHEAD},
    {"SENATOR", W_TITLE|W_ROLE}, {"SENIOR", W_TITLE}, {"SEP.", W_TIME},
    {"SEPT.", W_TIME}, {"SEPTEMBER", W_TIME}, {"SERGEANT", W_TITLE|W_ROLE},
    {"SERGEI", W_GIVEN|W_MALE}, {"SERGEY", W_GIVEN|W_MALE},
    {"SERVICE", W_ORGHEAD}, {"SERVICES", W_ORGHEAD}, {"SEVERAL", W_STOP},
    {"SGT.", W_TITLE}, {"SHAIKH", W_TITLE|W_ROLE|W_MALE}, {"SHE", W_STOP},
    {"SHEIK", W_TITLE|W_ROLE|W_MALE}, {"SHEIKH", W_TITLE|W_ROLE|W_MALE},
    {"SHEIKHA", W_TITLE|W_ROLE|W_FEMALE}, {"SHERKO", W_GIVEN|W_MALE},
    {"SHIREEN", W_GIVEN|W_FEMALE}, {"SHIRIN", W_GIVEN|W_FEMALE},
    {"SHIRWAN", W_GIVEN|W_MALE}, {"SHORESH", W_GIVEN|W_MALE},
    {"SHOUT", W_SPEECH}, {"SHRINE", W_PLACEHEAD}, {"SHWAN", W_GIVEN|W_MALE},
    {"SINCE", W_STOP}, {"SIRWAN", W_GIVEN|W_MALE}, {"SISTER", W_ROLE|W_FEMALE},
    {"SO", W_STOP}, {"SO-CALLED", W_NAMING}, {"SOCIAL", W_ORGWORD},
    {"SOCIALIST", W_ORGWORD}, {"SOCIETY", W_ORGHEAD}, {"SOLDIER", W_ROLE},
    {"SOME", W_STOP}, {"SON", W_ROLE|W_MALE}, {"SONS", W_INHABIT},
    {"SOURCE", W_ROLE}, {"SOUTH", W_COMPASS|W_INHABIT},
    {"SOUTHEAST", W_COMPASS|W_INHABIT}, {"SOUTHERN", W_COMPASS},
    {"SOUTHWEST", W_COMPASS|W_INHABIT}, {"SPEAKER", W_TITLE|W_ROLE},
    {"SPEAKING", W_MEDIACTX}, {"SPECIAL", W_ORGWORD}, {"SPECIFY", W_SPEECH},
    {"SPEECH", W_DOCNOUN}, {"SPOKE", W_MEDIACTX},
    {"SPOKESMAN", W_TITLE|W_ROLE|W_MALE}, {"SPOKESPERSON", W_TITLE|W_ROLE},
    {"SPOKESWOMAN", W_TITLE|W_ROLE|W_FEMALE}, {"SQUARE", W_PLACEHEAD},
    {"STATE", W_SPEECH}, {"STATEMENT", W_DOCNOUN|W_MEDIACTX},
    {"STATEMENTS", W_DOCNOUN|W_MEDIACTX}, {"STEPHEN", W_GIVEN|W_MALE},
    {"STEVEN", W_GIVEN|W_MALE}, {"STILL", W_STOP}, {"STRAIT", W_PLACEHEAD},
    {"STRATEGIC", W_ORGWORD}, {"STRATEGIST", W_ROLE}, {"STREET", W_PLACEHEAD},
    {"STREETS", W_INHABIT}, {"STRESS", W_SPEECH}, {"STRIP", W_PLACEHEAD},
    {"STUDENT", W_ROLE}, {"STUDIES", W_ORGWORD},
    {"SUB-DISTRICT", W_PLACEHEAD|W_PLACENOUN},
    {"SUBDISTRICT", W_PLACEHEAD|W_PLACENOUN}, {"SUBURB", W_PLACENOUN},
    {"SUCH", W_STOP}, {"SUGGEST", W_SPEECH}, {"SUHA", W_GIVEN|W_FEMALE},
    {"SULAIMAN", W_GIVEN|W_MALE}, {"SULEIMAN", W_GIVEN|W_MALE},
    {"SULTAN", W_TITLE|W_ROLE|W_MALE}, {"SUMMIT", W_THING}, {"SUNDAY", W_TIME},
    {"SUPPORT", W_ORGWORD}, {"SUPREME", W_TITLE}, {"SURVIVOR", W_ROLE},
    {"SUSAN", W_GIVEN|W_FEMALE}, {"SUZAN", W_GIVEN|W_FEMALE},
    {"TAHA", W_GIVEN|W_MALE}, {"TAHRIR", W_ORGWORD}, {"TALAL", W_GIVEN|W_MALE},
    {"TALIB", W_GIVEN|W_MALE}, {"TAREK", W_GIVEN|W_MALE},
    {"TARIQ", W_GIVEN|W_MALE}, {"TAYAR", W_ORGWORD}, {"TAYYIP", W_GIVEN|W_MALE},
    {"TEACHER", W_ROLE}, {"TELEVISION", W_ORGHEAD}, {"TELL", W_SPEECH},
    {"TESTIFY", W_SPEECH}, {"TEXT", W_DOCNOUN}, {"THAMER", W_GIVEN|W_MALE},
    {"THAT", W_STOP}, {"THE", W_STOP}, {"THEIR", W_STOP}, {"THEN", W_STOP},
    {"THERE", W_STOP}, {"THEREFORE", W_STOP}, {"THESE", W_STOP},
    {"THEY", W_STOP}, {"THINK", W_SPEECH_WEAK}, {"THIS", W_STOP},
    {"THOMAS", W_GIVEN|W_MALE}, {"THOSE", W_STOP}, {"THOUGH", W_STOP},
    {"THREATEN", W_SPEECH}, {"THREE", W_STOP}, {"THROUGH", W_STOP|W_PLACEPREP},
    {"THROUGHOUT", W_STOP|W_PLACEPREP}, {"THURSDAY", W_TIME}, {"THUS", W_STOP},
    {"TIMES", W_ORGHEAD}, {"TITLED", W_NAMING}, {"TO", W_STOP},
    {"TODAY", W_STOP}, {"TOLD", W_MEDIACTX}, {"TOMORROW", W_STOP},
    {"TONIGHT", W_STOP}, {"TOWARD", W_STOP|W_PLACEPREP},
    {"TOWARDS", W_STOP|W_PLACEPREP},
    {"TOWN", W_PLACEHEAD|W_PLACENOUN|W_INHABIT}, {"TRADE", W_ORGWORD},
    {"TRADER", W_ROLE}, {"TRANSCRIPT", W_DOCNOUN}, {"TRANSPORT", W_ORGWORD},
    {"TREATY", W_THING}, {"TREND", W_ORGHEAD}, {"TRIBES", W_INHABIT},
    {"TRIBESMAN", W_ROLE|W_MALE}, {"TRIBUNAL", W_ORGHEAD}, {"TUESDAY", W_TIME},
    {"TV", W_ORGHEAD}, {"TWEET", W_SPEECH|W_DOCNOUN}, {"TWO", W_STOP},
    {"UDAY", W_GIVEN|W_MALE}, {"UM", W_PERSONCUE|W_FEMALE},
    {"UMAR", W_GIVEN|W_MALE}, {"UMM", W_PERSONCUE|W_FEMALE}, {"UNDER", W_STOP},
    {"UNDERLINE", W_SPEECH}, {"UNDERSCORE", W_SPEECH}, {"UNION", W_ORGHEAD},
    {"UNIT", W_ORGHEAD}, {"UNITS", W_ORGHEAD}, {"UNITY", W_ORGWORD},
    {"UNIVERSITY", W_ORGHEAD}, {"UNLIKE", W_STOP}, {"UNTIL", W_STOP},
    {"UPDATE", W_STOP}, {"UPON", W_STOP}, {"URGE", W_SPEECH},
    {"URSULA", W_GIVEN|W_FEMALE}, {"USAMA", W_GIVEN|W_MALE},
    {"VALLEY", W_PLACEHEAD|W_PLACENOUN}, {"VAN", W_PARTICLE}, {"VIA", W_STOP},
    {"VIAN", W_GIVEN|W_FEMALE}, {"VICE", W_TITLE}, {"VIDEO", W_DOCNOUN},
    {"VILLAGE", W_PLACEHEAD|W_PLACENOUN}, {"VILLAGES", W_INHABIT},
    {"VLADIMIR", W_GIVEN|W_MALE}, {"VOLODYMYR", W_GIVEN|W_MALE},
    {"VOLUNTEER", W_ROLE}, {"VON", W_PARTICLE}, {"VOW", W_SPEECH},
    {"WAEL", W_GIVEN|W_MALE}, {"WAFA", W_GIVEN|W_FEMALE},
    {"WALEED", W_GIVEN|W_MALE}, {"WALID", W_GIVEN|W_MALE}, {"WARN", W_SPEECH},
    {"WATER", W_ORGWORD}, {"WE", W_STOP}, {"WEDNESDAY", W_TIME},
    {"WELCOME", W_SPEECH_WEAK}, {"WEST", W_COMPASS|W_INHABIT},
    {"WESTERN", W_COMPASS}, {"WHAT", W_STOP}, {"WHEN", W_STOP},
    {"WHERE", W_STOP}, {"WHETHER", W_STOP}, {"WHICH", W_STOP},
    {"WHILE", W_STOP}, {"WHISPER", W_SPEECH}, {"WHO", W_STOP}, {"WHY", W_STOP},
    {"WIDOW", W_ROLE|W_FEMALE}, {"WIFE", W_ROLE|W_FEMALE},
    {"WILLIAM", W_GIVEN|W_MALE}, {"WISAM", W_GIVEN|W_MALE}, {"WITH", W_STOP},
    {"WITHIN", W_STOP}, {"WITHOUT", W_STOP}, {"WITNESS", W_ROLE},
    {"WOMAN", W_ROLE|W_FEMALE}, {"WONDER", W_SPEECH_WEAK}, {"WORKER", W_ROLE},
    {"WORLD", W_ORGWORD}, {"WRITE", W_SPEECH}, {"WRITER", W_ROLE},
    {"XI", W_GIVEN|W_MALE}, {"YAHYA", W_GIVEN|W_MALE},
    {"YASIR", W_GIVEN|W_MALE}, {"YASMIN", W_GIVEN|W_FEMALE},
    {"YASMINE", W_GIVEN|W_FEMALE}, {"YASSER", W_GIVEN|W_MALE},
    {"YESTERDAY", W_STOP}, {"YET", W_STOP}, {"YOAV", W_GIVEN|W_MALE},
    {"YOU", W_STOP}, {"YOUNIS", W_GIVEN|W_MALE}, {"YOUR", W_STOP},
    {"YOUSEF", W_GIVEN|W_MALE}, {"YOUSIF", W_GIVEN|W_MALE},
    {"YOUSSEF", W_GIVEN|W_MALE}, {"YOUTH", W_ORGWORD},
    {"YUNUS", W_GIVEN|W_MALE}, {"YUSUF", W_GIVEN|W_MALE},
    {"ZAHRA", W_GIVEN|W_FEMALE}, {"ZAID", W_GIVEN|W_MALE},
    {"ZAINAB", W_GIVEN|W_FEMALE}, {"ZAYD", W_GIVEN|W_MALE},
    {"ZEINAB", W_GIVEN|W_FEMALE}, {"ZIAD", W_GIVEN|W_MALE},
    {"ZIYAD", W_GIVEN|W_MALE}, {"ZUHAIR", W_GIVEN|W_MALE},
};

#define NWORDS (sizeof words / sizeof words[0])

/* The table is looked up for nearly every word of every article, so it
 * is hashed once per process (open addressing over the folded word), and
 * a lookup is a hash and one or two comparisons. */
#define NSLOTS 4096   /* a power of two, over twice the words */

static uint16_t slots[NSLOTS];   /* word index + 1, 0 when empty */
static uint8_t wlen[NWORDS];
static once_flag slots_once = ONCE_FLAG_INIT;

static uint32_t hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

static void build_slots(void)
{
    for (size_t i = 0; i < NWORDS; i++) {
        size_t n = strlen(words[i].w);
        wlen[i] = (uint8_t)n;
        uint32_t k = hash(words[i].w, n) & (NSLOTS - 1);
        while (slots[k])
            k = (k + 1) & (NSLOTS - 1);
        slots[k] = (uint16_t)(i + 1);
    }
}

static atomic_int slots_ready;

static void build_slots_once(void)
{
    build_slots();
    atomic_store_explicit(&slots_ready, 1, memory_order_release);
}

static unsigned lookup_h(const char *s, size_t n, uint32_t h)
{
    if (!atomic_load_explicit(&slots_ready, memory_order_acquire))
        call_once(&slots_once, build_slots_once);
    for (uint32_t k = h & (NSLOTS - 1); slots[k];
         k = (k + 1) & (NSLOTS - 1)) {
        size_t i = slots[k] - 1u;
        if (wlen[i] != n)
            continue;
        const char *w = words[i].w;
        size_t j = 0;
        while (j < n && w[j] == s[j])
            j++;
        if (j == n)
            return words[i].flags;
    }
    return 0;
}

static unsigned lookup(const char *s, size_t n)
{
    return lookup_h(s, n, hash(s, n));
}

int kh_word_table_sorted(void)
{
    for (size_t i = 1; i < NWORDS; i++)
        if (strcmp(words[i - 1].w, words[i].w) >= 0)
            return 0;
    /* and every word is found through the hash */
    for (size_t i = 0; i < NWORDS; i++)
        if (lookup(words[i].w, strlen(words[i].w)) != words[i].flags)
            return 0;
    return NWORDS < NSLOTS / 2;
}

unsigned kh_word_class(const char *s, size_t n)
{
    /* No entry is longer than 24 bytes: longer words are nothing. */
    char buf[32];
    if (n == 0 || n > 24 || (s[0] >= '0' && s[0] <= '9'))
        return 0;
    /* ASCII (nearly always): upper-cased and hashed in one pass */
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c & 0x80) {
            size_t m = kh_fold_word(s, n, buf, sizeof buf);
            return m > sizeof buf ? 0 : lookup(buf, m);
        }
        if (c >= 'a' && c <= 'z')
            c = (unsigned char)(c - 32);
        buf[i] = (char)c;
        h ^= c;
        h *= 16777619u;
    }
    return lookup_h(buf, n, h);
}

/* The classes of a document's tokens, looked up once each: the stages ask
 * for the same tokens many times.  One cache per thread, for the document
 * its stage is working on (kh_word_cache_begin); begin and end nest, so
 * that the pipeline keeps one cache, and one pairing of the quotation
 * marks, for the entities and quotes stages together. */
#define UNKNOWN 0xFFFFFFFFu

static _Thread_local struct {
    const kh_doc *d;
    uint32_t *tok, *lemma;
    size_t n;
    int depth;              /* begins not yet ended */
    int have_q;             /* q, nq, qmap computed */
    kh_qmark *q;
    size_t nq;
    int32_t *qmap;
} cache;

static void cache_free(void)
{
    free(cache.tok);
    free(cache.q);
    free(cache.qmap);
    cache.tok = cache.lemma = NULL;
    cache.q = NULL;
    cache.qmap = NULL;
    cache.nq = 0;
    cache.have_q = 0;
    cache.d = NULL;
    cache.n = 0;
}

void kh_word_cache_begin(const kh_doc *d)
{
    if (cache.depth > 0 && cache.d == d && cache.n == d->ntokens) {
        cache.depth++;
        return;
    }
    cache_free();
    cache.n = d->ntokens;
    cache.tok = kh_xmalloc((2 * cache.n + 1) * sizeof *cache.tok);
    cache.lemma = cache.tok + cache.n;
    memset(cache.tok, 0xff, 2 * cache.n * sizeof *cache.tok);
    cache.d = d;
    cache.depth = cache.depth > 0 ? cache.depth + 1 : 1;
}

void kh_word_cache_end(void)
{
    if (cache.depth > 1) {
        cache.depth--;
        return;
    }
    cache_free();
    cache.depth = 0;
}

size_t kh_quote_marks(const kh_doc *d, const kh_qmark **q,
                      const int32_t **qmap)
{
    if (cache.d != d || cache.depth == 0) {
        /* not bracketed by kh_word_cache_begin(d): a cache of its own,
         * which the next begin or end frees */
        kh_word_cache_begin(d);
        cache.depth = 1;
    }
    if (!cache.have_q) {
        cache.nq = kh_pair_quotes(d, &cache.q);
        cache.qmap = kh_quote_map(d, cache.q, cache.nq);
        cache.have_q = 1;
    }
    *q = cache.q;
    *qmap = cache.qmap;
    return cache.nq;
}

static unsigned tok_class(const kh_doc *d, size_t i)
{
    const kh_token *t = &d->tokens[i];
    if (t->kind != KH_TOK_WORD && t->kind != KH_TOK_ABBREV)
        return 0;
    return kh_word_class(d->text + t->start, t->end - t->start);
}

unsigned kh_tok_class(const kh_doc *d, size_t i)
{
    if (cache.d != d || i >= cache.n)
        return tok_class(d, i);
    if (cache.tok[i] == UNKNOWN)
        cache.tok[i] = tok_class(d, i);
    return cache.tok[i];
}

unsigned kh_lemma_class(const kh_doc *d, size_t i)
{
    if (!d->lemma || !d->lemma[i])
        return kh_tok_class(d, i);
    if (cache.d == d && i < cache.n && cache.lemma[i] != UNKNOWN)
        return cache.lemma[i];
    unsigned c = kh_word_class(d->lemma[i], strlen(d->lemma[i]));
    if (cache.d == d && i < cache.n)
        cache.lemma[i] = c;
    return c;
}

/* al-Sudani, el-Sisi, as-Sadr, ash-Shammari: an Arabic article glued to a
 * capitalised name. */
static int al_prefixed(const char *s, size_t n)
{
    /* most words: no hyphen at the third or fourth byte */
    if (n < 4 || (s[2] != '-' && s[3] != '-'))
        return 0;
    static const char *const arts[] = {"al-", "el-", "ad-", "as-", "ash-",
                                       "at-", "az-", "an-", "ar-", "ul-",
                                       "Al-", "El-"};
    for (size_t k = 0; k < sizeof arts / sizeof arts[0]; k++) {
        size_t m = strlen(arts[k]);
        if (n > m + 1 && memcmp(s, arts[k], m) == 0 && s[m] >= 'A' &&
            s[m] <= 'Z')
            return 1;
    }
    return 0;
}

int kh_al_prefixed(const char *s, size_t n)
{
    return al_prefixed(s, n);
}
